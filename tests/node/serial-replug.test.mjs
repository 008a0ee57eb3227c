// The CLI on a local serial device path whose cable is pulled mid-write (issue 12): a pty
// (socat) bridged to hw-sim's raw server, stopped mid-write as an unplugged USB bridge's node goes
// away, and started again on the same path as a replugged one appears (the simulated chip keeps
// running its stub meanwhile, so --before no_reset reaches it again). Back within the grace
// period the write resumes and verifies; not back, one fatal line names what was written; with
// --no-recover the CLI does not wait.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasHwSim, runCliAsync, startHwSim } from './hwsim.mjs';
import { hasSocat, startPty } from './pty.mjs';
import { testData } from './device-fixtures.mjs';

const skip = !hasHwSim ? 'build/native/hw-sim is not built' : !hasSocat ? 'socat is not installed' : false;

const kOffset = 0x10000;
// The CLI's one error line (core's hint follows it on a line of its own).
const fatalLine = (stdout) => stdout.split('\n').find((l) => l.startsWith('A fatal error occurred: ')) ?? '';
const kData = testData(160 * 1024, 31);

describe('local serial port: a replugged cable', { skip, timeout: 180000 }, () => {
  let sim, pty, dir;
  before(async () => {
    // Paced, so the write still runs when the cable is pulled at 30 % (unpaced, a loaded machine
    // could see it finish before the pty is gone).
    sim = await startHwSim({ chip: 'esp32', protocol: 'raw', extra: ['--flash-size', '1MB', '--baud-pacing', 'on'] });
    dir = mkdtempSync(join(tmpdir(), 'esptool-wasm-replug-'));
    writeFileSync(join(dir, 'app.bin'), kData);
  });
  after(async () => {
    await pty?.stop();
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Runs the CLI with the cable pulled once the write passes 30 %; `onUnplugged` decides what
  // happens next. The grace period comes from the environment the CLI inherits.
  async function writeWithUnplug(args, graceMs, onUnplugged) {
    pty ??= await startPty(dir, sim.port);
    process.env.ESPTOOL_WASM_REPLUG_GRACE_MS = String(graceMs);
    let pulled = false;
    try {
      return await runCliAsync(['-p', pty.path, '--before', 'no_reset', '--after', 'no_reset', ...args, 'write_flash', `0x${kOffset.toString(16)}`, 'app.bin'], dir, {
        timeoutMs: 120000,
        onStdout: (text) => {
          if (pulled || !/Writing at 0x[0-9a-f]{8}\.\.\. \((3\d|[4-9]\d) %\)/.test(text)) return;
          pulled = true;
          const gone = pty;
          pty = null;
          gone.stop().then(onUnplugged);
        },
      });
    } finally {
      delete process.env.ESPTOOL_WASM_REPLUG_GRACE_MS;
    }
  }

  async function readBack() {
    pty ??= await startPty(dir, sim.port);
    const r = await runCliAsync(['-p', pty.path, '--before', 'no_reset', 'read_flash', `0x${kOffset.toString(16)}`, String(kData.length), 'back.bin'], dir, {
      timeoutMs: 90000,
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    return readFileSync(join(dir, 'back.bin'));
  }

  test('plugged back in on the same path 1 s later: the write resumes and verifies', async () => {
    const w = await writeWithUnplug([], 10000, () => {
      setTimeout(async () => {
        pty = await startPty(dir, sim.port);
      }, 1000);
    });
    assert.equal(w.status, 0, `${w.stdout}\n${w.stderr}`);
    assert.match(w.stdout, new RegExp(`\\nSerial port ${dir}/ttyV0 is back\\.\\n`));
    assert.match(w.stdout, /\nLine error \([^\n]*Serial port went away mid-command[^\n]*\), resuming from 0x[0-9a-f]{8}: /);
    assert.match(w.stdout, /\nHash of data verified\.\n/);
    assert.match(w.stdout, /\nRecovered from 1 line error; every file was verified\.\n/);
    assert.deepEqual(await readBack(), kData);
  });

  test('not back within the grace period: one fatal line says what was not written', async () => {
    const w = await writeWithUnplug([], 1500, () => {});
    assert.equal(w.status, 2, `${w.stdout}\n${w.stderr}`);
    assert.match(fatalLine(w.stdout), /^A fatal error occurred: Serial port lost: .*did not come back within 1500 ms; not complete: app\.bin at 0x00010000\.?$/, w.stdout);
  });

  test('--no-recover: the loss ends the write at once, esptool-like', async () => {
    const w = await writeWithUnplug(['--no-recover'], 60000, () => {});
    assert.equal(w.status, 2, `${w.stdout}\n${w.stderr}`);
    assert.match(fatalLine(w.stdout), /^A fatal error occurred: Serial port lost: .*not complete: app\.bin at 0x00010000\.?$/, w.stdout);
    assert.doesNotMatch(w.stdout, /Connecting again|is back/);
  });
});
