// The Node CLI against a native hw-sim ESP32-S3 in Secure Download Mode (--secure-download-mode):
// the lines esptool v4.8.1 prints there, a write that goes through the ROM (uncompressed, not
// read back), and a refused command as esptool's "This command (0x..) is not supported in Secure
// Download Mode" fatal line, then core's hint.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasHwSim, runCliAsync, startHwSim } from './hwsim.mjs';
import { testData } from './device-fixtures.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';

describe('a chip in Secure Download Mode', { skip, timeout: 180000 }, () => {
  let dir;
  let sim;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'esptool-wasm-sdm-'));
    writeFileSync(join(dir, 'app.bin'), testData(9000, 7));
    sim = await startHwSim({ chip: 'esp32s3', extra: ['--secure-download-mode'] });
  });
  after(async () => {
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = (args) => runCliAsync(['--port', sim.url, ...args], dir, { timeoutMs: 60000 });

  test('connect says so, skips the stub, and get_security_info works', async () => {
    const r = await cli(['get_security_info']);
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^Detecting chip type\.\.\. ESP32-S3$/m);
    assert.match(r.stdout, /^Chip is ESP32-S3 in Secure Download Mode$/m);
    assert.match(r.stdout, /^WARNING: Stub loader is not supported in Secure Download Mode, setting --no-stub$/m);
    assert.doesNotMatch(r.stdout, /Uploading stub|^MAC: /m);
    assert.match(r.stdout, /^Flags: 0x00000004 \(0b100\)$/m);
  });

  test('write_flash goes through the ROM, uncompressed and without the MD5 check', async () => {
    const r = await cli(['write_flash', '--flash_size', '4MB', '0x10000', 'app.bin']);
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^Wrote \d+ bytes at 0x00010000 in /m);
    assert.doesNotMatch(r.stdout, /compressed|Hash of data verified/);
  });

  test('a refused command is esptool\'s fatal line', async () => {
    const r = await cli(['read_mac']);
    assert.equal(r.status, 2, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^A fatal error occurred: This command \(0xa\) is not supported in Secure Download Mode$/m);
  });

  test('the refusal comes with core\'s hint on its own line', async () => {
    const r = await cli(['read_mac']);
    assert.equal(r.status, 2, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^Hint: The chip is in Secure Download Mode, set by an eFuse that cannot be undone: .*write_flash.*get_security_info.*refused\.$/m);
  });
});
