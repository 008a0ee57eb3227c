// Failures on a local serial device path (a socat pty bridged to hw-sim's raw server): a port
// another process holds (flock, as pyserial's exclusive=True), and a port that vanishes while
// flash is being written (socat killed). Each is one fatal line, exit status 2, and nothing is
// claimed as written. (A path that does not exist: device-errors.test.mjs.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalSerialPort } from '../../web/src/node.js';
import { fatalTail, hasHwSim, lastLine, runCliAsync, startHwSim } from './hwsim.mjs';
import { hasSocat, startPty } from './pty.mjs';

const skip = !hasHwSim ? 'build/native/hw-sim is not built' : !hasSocat ? 'socat is not installed' : false;

describe('local serial port failures', { skip, timeout: 120000 }, () => {
  let sim, pty, dir;
  before(async () => {
    // Paced at the line rate, so a write lasts long enough to pull the port away mid-way.
    sim = await startHwSim({ chip: 'esp32', protocol: 'raw', extra: ['--baud-pacing', 'on'] });
    dir = mkdtempSync(join(tmpdir(), 'esptool-wasm-pty-errors-'));
    pty = await startPty(dir, sim.port);
  });
  after(async () => {
    await pty?.stop();
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a port another process holds is "busy", and nothing is sent', async () => {
    const holder = new LocalSerialPort(pty.path);
    await holder.open({ baudRate: 115200 });
    try {
      const r = await runCliAsync(['-p', pty.path, '--before', 'no_reset', 'read_mac'], dir, { timeoutMs: 30000 });
      assert.equal(r.status, 2, r.stdout);
      assert.equal(
        lastLine(r.stdout),
        `A fatal error occurred: Could not open ${pty.path}, the port is busy (Resource temporarily unavailable Cannot lock port). Check if the port is not used by another task.`,
      );
      assert.doesNotMatch(r.stdout, /Connecting/);
    } finally {
      await holder.close();
    }
  });

  test('a port that vanishes during write_flash fails with one line and claims nothing written', async () => {
    writeFileSync(join(dir, 'big.bin'), randomBytes(200000));
    let killed = false;
    const r = await runCliAsync(['-p', pty.path, '--before', 'no_reset', 'write_flash', '0x10000', 'big.bin'], dir, {
      timeoutMs: 90000,
      onStdout: (text) => {
        if (!killed && /Writing at 0x[0-9a-f]+\.\.\. \(\d+ %\)/.test(text)) {
          killed = true;
          pty.child.kill('SIGKILL');
        }
      },
    });
    assert.ok(killed, r.stdout);
    assert.equal(r.status, 2, r.stdout);
    assert.match(fatalTail(r.stdout).fatal, /^A fatal error occurred: Serial port lost: /);
    assert.doesNotMatch(r.stdout, /\nWrote \d+ bytes|Hash of data verified/);
  });
});
