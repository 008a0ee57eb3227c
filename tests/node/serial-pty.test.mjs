// The CLI on a local serial device path: a pty (socat) bridged to hw-sim's raw server, which
// waits in download mode (a pty carries no DTR/RTS, so --before no_reset). Writes read back
// equal and verify, ROM and stub, on a UART chip and on a USB-JTAG-Serial chip at 921600 (the
// CLI changes the pty's rate in place; the simulated USB console, like a real one, has none).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../web/src/index.js';
import { LocalSerialPort } from '../../web/src/node.js';
import { hasHwSim, runCliAsync, startHwSim } from './hwsim.mjs';
import { hasSocat, startPty } from './pty.mjs';
import { testData } from './device-fixtures.mjs';

const skip = !hasHwSim ? 'build/native/hw-sim is not built' : !hasSocat ? 'socat is not installed' : false;

const kSetups = [
  { chip: 'esp32', extra: [], baud: 115200, stub: true },
  { chip: 'esp32', extra: [], baud: 115200, stub: false },
  { chip: 'esp32c3', extra: ['--usb-jtag-serial'], baud: 921600, stub: true },
  { chip: 'esp32c3', extra: ['--usb-jtag-serial'], baud: 921600, stub: false },
];

for (const { chip, extra, baud, stub } of kSetups) {
  const name = `${chip}${extra.length ? ' (USB-JTAG-Serial)' : ''} ${stub ? 'stub' : 'ROM'} at ${baud}`;
  describe(`local serial port: ${name}`, { skip, timeout: 120000 }, () => {
    let sim, pty, dir;
    before(async () => {
      sim = await startHwSim({ chip, protocol: 'raw', extra: ['--flash-size', '1MB', ...extra] });
      dir = mkdtempSync(join(tmpdir(), 'esptool-wasm-pty-'));
      pty = await startPty(dir, sim.port);
    });
    after(async () => {
      await pty?.stop();
      await sim?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    const cli = (args) =>
      runCliAsync(['-p', pty.path, '--before', 'no_reset', '-b', String(baud), ...(stub ? [] : ['--no-stub']), ...args], dir, {
        timeoutMs: 90000,
      });
    const ok = (r) => assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);

    test('write_flash, read_flash and verify_flash through the device path', async () => {
      const data = testData(24000, 3);
      writeFileSync(join(dir, 'app.bin'), data);
      const w = await cli(['write_flash', '0x20000', 'app.bin']);
      ok(w);
      assert.match(w.stdout, new RegExp(`^esptool-wasm v\\S+ \\(esptool\\.py v4\\.8\\.1 compatible\\)\\nSerial port ${pty.path}\\n`));
      if (baud !== 115200) assert.match(w.stdout, new RegExp(`\\nChanging baud rate to ${baud}\\nChanged\\.\\n`));
      assert.match(w.stdout, /\nHash of data verified\.\n/);
      // The pty has no lines: esptool's hard reset warns once and the command still succeeds.
      const warnings = w.stdout.match(/WARNING: Chip was NOT reset\. Setting RTS\/DTR lines is not supported for port/g);
      assert.equal(warnings?.length, 1, w.stdout);

      const r = await cli(['read_flash', '0x20000', String(data.length), 'back.bin']);
      ok(r);
      assert.deepEqual(readFileSync(join(dir, 'back.bin')), data);
      const v = await cli(['verify_flash', '0x20000', 'app.bin']);
      ok(v);
      assert.match(v.stdout, /-- verify OK \(digest matched\)/);
    });

    // Reads what the test above wrote.
    test('the JS API connect() reads it back through LocalSerialPort', async () => {
      const warnings = [];
      const port = new LocalSerialPort(pty.path, { onWarning: (w) => warnings.push(w) });
      const device = await connect(port, { before: 'no_reset', after: 'no_reset', baud, noStub: !stub });
      try {
        const back = await device.readFlash(0x20000, 24000, { signal: AbortSignal.timeout(60000) });
        assert.deepEqual(Buffer.from(back), testData(24000, 3));
      } finally {
        await device.close();
      }
      assert.deepEqual(warnings, [], 'no_reset touches no lines');
    });
  });
}
