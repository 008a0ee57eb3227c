// Device command failures from the Node CLI: each ends with one clear "A fatal error occurred"
// line and a non-zero exit, in bounded time, never a hang. Also socket:// (raw TCP) works.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fatalTail, hasHwSim, runCliAsync, startHwSim } from './hwsim.mjs';
import { testData } from './device-fixtures.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';

describe('device command errors', { skip, timeout: 180000 }, () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'esptool-wasm-device-errors-'));
    writeFileSync(join(dir, 'a.bin'), testData(8192, 4));
    writeFileSync(join(dir, 'big.bin'), testData(600000, 5));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args, options) => runCliAsync(args, dir, { timeoutMs: 60000, ...options });
  const fatal = (r, pattern) => {
    assert.equal(r.status, 2, `${r.stdout}\n${r.stderr}`);
    const tail = fatalTail(r.stdout);
    assert.match(tail.fatal, pattern);
    return tail;
  };
  const kLink = 'For troubleshooting steps visit: https://docs.espressif.com/projects/esptool/en/latest/troubleshooting.html';

  test('a wrong --chip is named after connecting', async () => {
    const sim = await startHwSim({ chip: 'esp32' });
    try {
      const r = await cli(['--chip', 'esp32c3', '--port', sim.url, 'read_mac']);
      fatal(r, /ESP32/);
    } finally {
      await sim.stop();
    }
  });

  test('a refused connection is one line', async () => {
    const sim = await startHwSim({ chip: 'esp32' });
    await sim.stop();
    const r = await cli(['--port', sim.url, 'read_mac']);
    fatal(r, new RegExp(`Could not open rfc2217://127\\.0\\.0\\.1:${sim.port}: connection refused`));
  });

  test('a local port that does not exist is one line naming it; a URL scheme we do not speak is refused', async () => {
    const missing = await cli(['--port', '/nonexistent/ttyUSB9', 'read_mac']);
    fatal(missing, /^A fatal error occurred: Could not open \/nonexistent\/ttyUSB9, the port doesn't exist \(No such file or directory\)\. Check if the port is correct and ESP connected\.$/);
    assert.doesNotMatch(missing.stdout, /Connecting/);
    fatal(await cli(['--port', 'loop://', 'read_mac']), /Unsupported port URL loop:\/\/: use socket:\/\/HOST:PORT or rfc2217:\/\/HOST:PORT/);
  });

  test('bad offsets, odd pairs and overlaps fail before connecting', async () => {
    const port = ['--port', 'rfc2217://127.0.0.1:1'];
    const misaligned = await cli([...port, 'erase_region', '0x1001', '0x1000']);
    fatal(misaligned, /Offset to erase from must be a multiple of 4096/);
    assert.doesNotMatch(misaligned.stdout, /Serial port/);
    const overlap = await cli([...port, 'write_flash', '0x0', 'a.bin', '0x1000', 'a.bin']);
    fatal(overlap, /Detected overlap at address: 0x1000 for file: a\.bin/);
    const chip = await cli(['--chip', 'esp99', ...port, 'read_mac']);
    assert.equal(chip.status, 2);
    assert.match(chip.stderr, /^esptool: error: argument --chip\/-c: invalid choice: 'esp99' \(choose from /);
    const odd = await cli([...port, 'write_flash', '0x0', 'a.bin', '0x8000']);
    assert.equal(odd.status, 2);
    assert.match(odd.stderr, /Must be pairs of an address and the binary filename to write there/);
    fatal(await cli([...port, 'write_flash', '0x0', 'missing.bin']), /File not found or not readable: 'missing\.bin'/);
  });

  test('the chip going away mid-write ends with one line, not a hang', async () => {
    const sim = await startHwSim({ chip: 'esp32', extra: ['--baud-pacing', 'on'] });
    let killed = false;
    const r = await cli(['--port', sim.url, '--no-stub', 'write_flash', '0x10000', 'big.bin'], {
      onStdout: (out) => {
        if (!killed && /Writing at 0x000[1-9a-f][0-9a-f]{4}\.\.\. \(\d+ %\)/.test(out)) {
          killed = true;
          sim.stop();
        }
      },
    });
    assert.ok(killed, `never saw a write progress line:\n${r.stdout}`);
    fatal(r, /./);
    assert.ok(r.ms < 30000, `took ${r.ms} ms`);
  });

  test('a port where nothing answers fails after the connect attempts', async () => {
    const server = net.createServer((socket) => socket.on('error', () => {}).resume());
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `socket://127.0.0.1:${server.address().port}`;
      const r = await cli(['--port', url, '--connect-attempts', '2', 'read_mac']);
      const tail = fatal(r, /^A fatal error occurred: Failed to connect to Espressif device: .*No serial data received/);
      assert.equal(tail.link, kLink, 'esptool ends a failed connect with its troubleshooting link');
      assert.match(tail.hint ?? '', /^Hint: \S/);
    } finally {
      server.close(); // the CLI has exited, so its connection is gone
    }
  });

  test('a board whose reset does not reach IO0 is told apart: the boot mode, the link, what to do', async () => {
    const sim = await startHwSim({ chip: 'esp32', extra: ['--reset-bridge', 'off'] });
    try {
      const r = await cli(['--port', sim.url, '--connect-attempts', '2', 'chip_id']);
      const tail = fatal(r, /^A fatal error occurred: Failed to connect to Espressif device: Wrong boot mode detected \(0x13\)! The chip needs to be in download mode\.$/);
      assert.equal(tail.link, kLink);
      // The same sentence the page shows (core's boot-log diagnosis): the buttons to use.
      assert.match(tail.hint ?? '', /^Hint: .*BOOT/);
    } finally {
      await sim.stop();
    }
  });

  test('socket:// reaches a raw TCP server (no reset lines, chip waits in download mode)', async () => {
    const sim = await startHwSim({ chip: 'esp32c3', protocol: 'raw' });
    try {
      const r = await cli(['--port', sim.url, 'read_mac']);
      assert.equal(r.status, 0, r.stdout);
      assert.match(r.stdout, /\nMAC: ([0-9a-f]{2}:){5}[0-9a-f]{2}\n/);
    } finally {
      await sim.stop();
    }
  });
});
