// One write_flash by the npm package esptool-js 0.7.0 (devDependency alias "esptool-js-0.7.0"),
// run in Node against an RFC 2217 server (hw-sim) through our SerialPort-shaped Rfc2217Port, as
// a page would run it over Web Serial: connect (classic reset), stub, baud change, compressed
// write with MD5 check, hard reset. The bench runs this in a fresh process and times it from
// spawn to exit, as it times our CLI.
//   node tests/bench/esptool-js-write.mjs PORT BAUD ADDRESS FILE
// Prints one JSON line: {ok, ms (connect to reset, in process), lines (esptool-js's output, each
// prefixed with the ms since the start)}.
import { readFileSync } from 'node:fs';
import { ESPLoader, Transport } from 'esptool-js-0.7.0';
import { Rfc2217Port } from '../../web/src/ports/rfc2217.js';

const [tcpPort, baud, address, file] = process.argv.slice(2);
const data = new Uint8Array(readFileSync(file));
const lines = [];
let partial = '';
const t0 = performance.now();
const terminal = {
  clean() {},
  writeLine(text) {
    lines.push(`${(performance.now() - t0).toFixed(0)} ${partial}${text}`);
    partial = '';
  },
  write(text) {
    partial += text;
  },
};

const port = new Rfc2217Port('127.0.0.1', Number(tcpPort));
const transport = new Transport(port, false);
const loader = new ESPLoader({
  transport,
  baudrate: Number(baud),
  romBaudrate: 115200,
  terminal,
  debugLogging: false,
});
try {
  await loader.main('default_reset');
  await loader.writeFlash({
    fileArray: [{ data, address: Number(address) }],
    flashMode: 'keep',
    flashFreq: 'keep',
    flashSize: 'keep',
    eraseAll: false,
    compress: true,
  });
  await loader.after('hard_reset');
  const ms = performance.now() - t0;
  await transport.disconnect();
  console.log(JSON.stringify({ ok: true, ms, lines }));
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: String(e?.message ?? e), lines }));
  process.exit(1);
}
