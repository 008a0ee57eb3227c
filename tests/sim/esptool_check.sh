#!/usr/bin/env bash
# Drives the hw-sim server with the reference esptool.py over RFC 2217, for manual parity checks
# (not part of ctest: it needs esptool v4.8.1 sources and pyserial, which the project does not
# vendor). Prints "<exit code> <command>" per esptool run; every non-zero exit must be one a real
# chip gives too (e.g. ESP8266 ROM lacks READ_FLASH_SLOW, the ESP32 has no GET_SECURITY_INFO).
#   ESPTOOL_SRC=/path/to/esptool-4.8.1 tests/sim/esptool_check.sh [chip...]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
server=${HWSIM:-$root/build/native/hw-sim}
esptool_src=${ESPTOOL_SRC:?set ESPTOOL_SRC to an esptool v4.8.1 source tree}
python=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -c "import random; random.seed(1); open('$work/app.bin','wb').write(bytes((i//64)%256 if i%7 else random.randrange(256) for i in range(70000)))"

chips=("$@")
[ ${#chips[@]} -gt 0 ] || chips=(esp8266 esp32 esp32s2 esp32s3 esp32c2 esp32c3 esp32c5 esp32c6 esp32c61 esp32h2 esp32p4)
for chip in "${chips[@]}"; do
  "$server" --chip "$chip" --port 0 --protocol rfc2217 >"$work/server.out" 2>"$work/server.err" &
  pid=$!
  for _ in $(seq 100); do grep -q listening "$work/server.out" 2>/dev/null && break; sleep 0.05; done
  port=$(sed -n 's/listening on 127.0.0.1://p' "$work/server.out")
  for cmd in "chip_id" "read_mac" "flash_id" "write_flash 0x10000 $work/app.bin" \
             "read_flash 0x10000 8192 $work/read.bin" "verify_flash 0x10000 $work/app.bin" \
             "--baud 921600 write_flash 0x20000 $work/app.bin" "erase_region 0x20000 0x1000" \
             "read_flash_status" "get_security_info" "erase_flash" \
             "--no-stub chip_id" "--no-stub flash_id" "--no-stub write_flash 0x10000 $work/app.bin" \
             "--no-stub read_flash 0x10000 1024 $work/read.bin" "--no-stub verify_flash 0x10000 $work/app.bin" \
             "--no-stub --baud 460800 write_flash -z 0x30000 $work/app.bin"; do
    # shellcheck disable=SC2086
    PYTHONPATH="$esptool_src" timeout 300 "$python" -m esptool --port "rfc2217://127.0.0.1:$port" \
      --chip "$chip" $cmd >"$work/esptool.log" 2>&1
    rc=$?
    echo "$rc esptool.py --chip $chip $cmd $(grep -m1 'A fatal error' "$work/esptool.log")"
  done
  kill "$pid"
  wait "$pid" 2>/dev/null
done
