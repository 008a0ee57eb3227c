// The Node CLI's device commands against a hw-sim server over RFC 2217, for ESP32 (Xtensa) and
// ESP32-C3 (RISC-V), with the flasher stub and ROM-only: what is written reads back equal, and
// every command prints esptool.py's key lines and exits 0.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasHwSim, lastLine, runCliAsync, startHwSim } from './hwsim.mjs';
import { ramImage, testData } from './device-fixtures.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';

for (const chip of ['esp32', 'esp32c3']) {
  for (const stub of [true, false]) {
    const mode = stub ? 'with the stub' : 'ROM only';
    describe(`${chip} ${mode}`, { skip, timeout: 300000 }, () => {
      let sim;
      let dir;
      before(async () => {
        sim = await startHwSim({ chip, extra: ['--flash-size', '1MB'] });
        dir = mkdtempSync(join(tmpdir(), 'esptool-wasm-device-'));
      });
      after(async () => {
        await sim?.stop();
        if (dir) rmSync(dir, { recursive: true, force: true });
      });
      const cli = async (args) => {
        const r = await runCliAsync(
          ['--chip', chip, '--port', sim.url, ...(stub ? [] : ['--no-stub']), ...args],
          dir,
          { timeoutMs: 90000 },
        );
        return r;
      };
      const ok = (r) => assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);

      test('write_flash then read_flash gives back the same bytes', async () => {
        const data = testData(20000, 1);
        writeFileSync(join(dir, 'app.bin'), data);
        // With the stub the line rate goes up (RFC 2217 SET-BAUDRATE on both ends).
        const w = await cli([...(stub ? ['-b', '921600'] : []), 'write_flash', '0x10000', 'app.bin']);
        ok(w);
        if (stub) assert.match(w.stdout, /\nChanging baud rate to 921600\nChanged\.\n/);
        assert.match(w.stdout, /^esptool-wasm v0\.1\.0 \(esptool\.py v4\.8\.1 compatible\)\nSerial port rfc2217:/);
        assert.match(w.stdout, /\nConnecting\.\.\./);
        assert.match(w.stdout, new RegExp(`\\nChip is ${chip === 'esp32' ? 'ESP32' : 'ESP32-C3'}`));
        assert.match(w.stdout, /\nWriting at 0x00010000\.\.\. \(\d+ %\)\n/);
        assert.match(w.stdout, /\nWrote 20000 bytes .*at 0x00010000 in [\d.]+ seconds/);
        assert.match(w.stdout, /\nHash of data verified\.\n/);
        assert.match(w.stdout, /\nHard resetting via RTS pin\.\.\.\n$/);
        if (stub) assert.match(w.stdout, /\nUploading stub\.\.\.\n/);
        const r = await cli(['read_flash', '0x10000', String(data.length), 'back.bin']);
        ok(r);
        assert.match(r.stdout, /\nRead 20000 bytes at 0x00010000 in /);
        assert.ok(readFileSync(join(dir, 'back.bin')).equals(data), 'read-back differs');
      });

      test('write_flash --skip-unchanged rewrites only what differs, verify_flash agrees', async () => {
        const data = testData(16384, 2);
        writeFileSync(join(dir, 'skip.bin'), data);
        ok(await cli(['write_flash', '0x20000', 'skip.bin']));
        data[5000] ^= 0xff;
        writeFileSync(join(dir, 'skip.bin'), data);
        const again = await cli(['write_flash', '--skip-unchanged', '0x20000', 'skip.bin']);
        ok(again);
        assert.match(again.stdout, /Skipping unchanged data: 4096 of 16384 bytes differ in 1 run\(s\)\./);
        const v = await cli(['verify_flash', '0x20000', 'skip.bin']);
        ok(v);
        assert.match(v.stdout, /-- verify OK \(digest matched\)/);
      });

      test('erase_region leaves erased bytes behind', async () => {
        writeFileSync(join(dir, 'e.bin'), testData(8192, 3));
        ok(await cli(['write_flash', '0x30000', 'e.bin']));
        const e = await cli(['erase_region', '0x30000', '0x1000']);
        if (!stub) {
          // erase_region needs the stub (esptool: "not supported in ROM").
          assert.equal(e.status, 2);
          return;
        }
        ok(e);
        ok(await cli(['read_flash', '0x30000', '0x2000', 'erased.bin']));
        const back = readFileSync(join(dir, 'erased.bin'));
        assert.ok(back.subarray(0, 4096).every((b) => b === 0xff), 'erased sector holds data');
        assert.ok(back.subarray(4096).equals(testData(8192, 3).subarray(4096)), 'next sector changed');
      });

      test('read_mac, chip_id, flash_id and get_security_info print their facts', async () => {
        const mac = await cli(['read_mac']);
        ok(mac);
        assert.match(mac.stdout, /\nMAC: ([0-9a-f]{2}:){5}[0-9a-f]{2}\n/);
        const id = await cli(['chip_id']);
        ok(id);
        const flash = await cli(['flash_id']);
        ok(flash);
        assert.match(flash.stdout, /\nManufacturer: [0-9a-f]+\nDevice: [0-9a-f]+\nDetected flash size: 1MB\n/);
        const sec = await cli(['get_security_info']);
        if (chip === 'esp32') {
          assert.equal(sec.status, 2, sec.stdout); // the ESP32 ROM has no GET_SECURITY_INFO
          assert.match(lastLine(sec.stdout), /^A fatal error occurred: /);
        } else {
          ok(sec);
          assert.match(sec.stdout, /\nChip ID: 5\n/);
        }
      });

      test('memory commands: write_mem, read_mem, dump_mem, load_ram', async () => {
        const ram = chip === 'esp32' ? 0x3ffb0000 : 0x3fc80000;
        const hex = `0x${ram.toString(16)}`;
        // RAM does not survive a reset: keep the chip in its loader between the commands.
        const w = await cli(['--after', 'no_reset_stub', 'write_mem', hex, '0x12345678']);
        ok(w);
        assert.match(w.stdout, new RegExp(`\\nWrote 12345678, mask ffffffff to ${ram.toString(16)}\\n`));
        const r = await cli(['--before', 'no_reset', '--after', 'no_reset_stub', 'read_mem', hex]);
        ok(r);
        assert.match(r.stdout, new RegExp(`\\n${hex} = 0x12345678\\n`));
        const d = await cli(['--before', 'no_reset', '--after', 'no_reset_stub', 'dump_mem', hex, '2048', 'mem.bin']);
        ok(d);
        assert.match(d.stdout, /\n1024 bytes read\.\.\. \(50 %\)\n2048 bytes read\.\.\. \(100 %\)\nRead 2048 bytes\nDone!\n/);
        const dumped = readFileSync(join(dir, 'mem.bin'));
        assert.equal(dumped.length, 2048);
        assert.equal(dumped.readUInt32LE(0), 0x12345678);
        writeFileSync(join(dir, 'ram.bin'), ramImage(chip, ram + 0x1000));
        const l = await cli(['load_ram', 'ram.bin']);
        ok(l);
        assert.match(l.stdout, /\nRAM boot\.\.\.\n.*\nAll segments done, executing at [0-9a-f]{8}\nExiting immediately\.\n$/s);
      });

      test('flash status registers read and write', async () => {
        const r = await cli(['read_flash_status', '--bytes', '2']);
        ok(r);
        assert.match(r.stdout, /\nStatus value: 0x[0-9a-f]{4}\n/);
        const w = await cli(['write_flash_status', '--bytes', '1', '0x0']);
        ok(w);
        assert.match(w.stdout, /\nSetting flash status: 0x00\n/);
      });

      test('run leaves the loader; erase_flash wipes the flash', async () => {
        ok(await cli(['run']));
        const e = await cli(['erase_flash']);
        if (!stub) {
          assert.equal(e.status, 2); // ERASE_FLASH is a stub command
          return;
        }
        ok(e);
        assert.match(e.stdout, /\nChip erase completed successfully in [\d.]+s\n/);
        ok(await cli(['read_flash', '0x10000', '0x100', 'after-erase.bin']));
        assert.ok(readFileSync(join(dir, 'after-erase.bin')).every((b) => b === 0xff));
      });
    });
  }
}

// Every simulated chip: a ROM-only write, then a stub write of other bytes and a stub read-back;
// then read_mac, flash_id and get_security_info (ROM only), verify_flash, erase_region.
describe('every simulated chip writes and reads back through the CLI', { skip, timeout: 300000 }, () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'esptool-wasm-chips-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const chip of ['esp8266', 'esp32', 'esp32s2', 'esp32s3', 'esp32c2', 'esp32c3', 'esp32c5', 'esp32c6',
    'esp32c61', 'esp32h2', 'esp32p4']) {
    test(chip, async () => {
      const sim = await startHwSim({ chip });
      try {
        const cli = (args) => runCliAsync(['--port', sim.url, ...args], dir, { timeoutMs: 60000 });
        const rom = testData(6000, 20);
        const stubbed = testData(30000, 21);
        writeFileSync(join(dir, `${chip}-rom.bin`), rom);
        writeFileSync(join(dir, `${chip}-stub.bin`), stubbed);
        const w1 = await cli(['--no-stub', 'write_flash', '0x8000', `${chip}-rom.bin`]);
        assert.equal(w1.status, 0, w1.stdout);
        const w2 = await cli(['-b', '460800', 'write_flash', '0x10000', `${chip}-stub.bin`]);
        assert.equal(w2.status, 0, w2.stdout);
        const r = await cli(['read_flash', '0x8000', '0x10000', `${chip}-back.bin`]);
        assert.equal(r.status, 0, r.stdout);
        const back = readFileSync(join(dir, `${chip}-back.bin`));
        assert.ok(back.subarray(0, rom.length).equals(rom), 'ROM-written bytes differ');
        assert.ok(back.subarray(0x8000, 0x8000 + stubbed.length).equals(stubbed), 'stub-written bytes differ');

        // The other commands on every chip: information (ROM only), verify, erase.
        const mac = await cli(['--no-stub', 'read_mac']);
        assert.equal(mac.status, 0, mac.stdout);
        assert.match(mac.stdout, /\nMAC: [0-9a-f]{2}(:[0-9a-f]{2}){5,7}\n/); // EUI-64 on C5/C6/H2
        const id = await cli(['--no-stub', 'flash_id']);
        assert.equal(id.status, 0, id.stdout);
        assert.match(id.stdout, /\nDetected flash size: 4MB\n/);
        const sec = await cli(['--no-stub', 'get_security_info']);
        if (chip === 'esp8266' || chip === 'esp32') {
          assert.equal(sec.status, 2, 'the ESP8266 and ESP32 ROMs have no GET_SECURITY_INFO');
        } else {
          assert.equal(sec.status, 0, sec.stdout);
          assert.match(sec.stdout, /\nSecure Boot: Disabled\n/);
        }
        const ok = await cli(['verify_flash', '0x10000', `${chip}-stub.bin`]);
        assert.equal(ok.status, 0, ok.stdout);
        assert.match(ok.stdout, /-- verify OK \(digest matched\)/);
        const erased = await cli(['erase_region', '0x10000', '0x1000']);
        assert.equal(erased.status, 0, erased.stdout);
        const differs = await cli(['verify_flash', '0x10000', `${chip}-stub.bin`]);
        assert.equal(differs.status, 2, 'verify_flash must fail after the erase');
      } finally {
        await sim.stop();
      }
    });
  }
});
