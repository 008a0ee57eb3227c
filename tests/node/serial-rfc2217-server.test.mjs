// `esptool-wasm rfc2217_server` end to end: the CLI's rfc2217:// client -> our server (esptool's
// esp_rfc2217_server: it replays esptool's reset sequences on its own port with their timing) ->
// hw-sim's RFC 2217 server in pass-through mode (--reset-bridge off: every line change goes
// straight to the simulated board's EN/IO0 circuit, paced in real time as a board behind a
// local port). So the DTR/RTS reset crosses both hops; writes read back equal and verify.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../web/src/index.js';
import { Rfc2217Port } from '../../web/src/node.js';
import { cliPath } from './helpers.mjs';
import { hasHwSim, runCliAsync, startHwSim } from './hwsim.mjs';
import { testData } from './device-fixtures.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';

/** Starts `esptool-wasm rfc2217_server ...args`; resolves {port, output(), stop} once it waits. */
function startServer(args) {
  const child = spawn(process.execPath, [cliPath, 'rfc2217_server', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let started = false;
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('rfc2217_server did not start within 10 s')), 10000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${out}`));
    };
    child.on('exit', (code) => fail(new Error(`rfc2217_server exited with ${code}`)));
    child.stdout.on('data', (d) => {
      out += d;
      if (started) return;
      const m = /^Waiting for connection \.\.\. use the 'rfc2217:\/\/[^:]+:(\d+)\?ign_set_control' as a PORT$/m.exec(out);
      if (!m) return;
      started = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        port: Number(m[1]),
        output: () => out,
        // SIGTERM (the server's clean stop), SIGKILL if it has not exited 5 s later.
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', (code) => {
              clearTimeout(kill);
              done(code);
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

// esptool.py's client over pyserial's rfc2217://...?ign_set_control: each SET-CONTROL is followed
// by a 100 ms sleep (pyserial's rfc2217_set_control), so a reset's line changes arrive 100 ms
// apart, too slow for the board's EN capacitor.
class PyserialPacedPort extends Rfc2217Port {
  constructor(host, port) {
    super(host, port, { ign_set_control: true });
  }
  async control(value, name) {
    await super.control(value, name);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const kBoard = ['--reset-bridge', 'off', '--baud-pacing', 'on', '--flash-size', '1MB'];

describe('rfc2217_server relaying to hw-sim', { skip, timeout: 180000 }, () => {
  let sim, server, dir;
  before(async () => {
    sim = await startHwSim({ chip: 'esp32', extra: kBoard });
    server = await startServer(['-p', '0', '-v', sim.url]);
    dir = mkdtempSync(join(tmpdir(), 'esptool-wasm-rfc2217-server-'));
  });
  after(async () => {
    const code = await server?.stop();
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, `the server exits cleanly on SIGTERM\n${server?.output()}`);
  });

  test('prints esptool\'s server lines', () => {
    const out = server.output();
    assert.match(out, /^RFC 2217 TCP\/IP to Serial redirector - type Ctrl-C \/ BREAK to quit\n/);
    assert.match(out, new RegExp(`\\nServing serial port: ${sim.url.replace(/[/.]/g, '\\$&')}\\nTCP/IP port: ${server.port}\\n`));
  });

  test('write_flash, read_flash and verify_flash with DTR/RTS resets through both hops', async () => {
    const url = `rfc2217://127.0.0.1:${server.port}`;
    const data = testData(30000, 7);
    writeFileSync(join(dir, 'app.bin'), data);
    const cli = (args) => runCliAsync(['--port', url, ...args], dir, { timeoutMs: 120000 });
    const w = await cli(['-b', '460800', 'write_flash', '0x10000', 'app.bin']);
    assert.equal(w.status, 0, `${w.stdout}\n${server.output()}`);
    assert.match(w.stdout, /\nChanging baud rate to 460800\nChanged\.\n/);
    assert.match(w.stdout, /\nHash of data verified\.\n/);
    assert.match(w.stdout, /\nHard resetting via RTS pin\.\.\.\n/);
    // esptool.py's documented client form, which does not wait for SET-CONTROL answers.
    const r = await cli(['--port', `${url}?ign_set_control`, 'read_flash', '0x10000', String(data.length), 'back.bin']);
    assert.equal(r.status, 0, `${r.stdout}\n${server.output()}`);
    assert.deepEqual(readFileSync(join(dir, 'back.bin')), data);
    const v = await cli(['verify_flash', '0x10000', 'app.bin']);
    assert.equal(v.status, 0, v.stdout);
    assert.match(v.stdout, /-- verify OK \(digest matched\)/);
    // The server saw the clients' resets and replayed esptool's sequences itself.
    const log = server.output();
    assert.ok((log.match(/^Connected by /gm) ?? []).length >= 3, log);
    assert.match(log, /^Activating reset$/m);
    assert.match(log, /^Activating hard reset$/m);
    assert.ok((log.match(/^Disconnected$/gm) ?? []).length >= 3, log);
  });

  test('line changes 100 ms apart (pyserial) reset the board only through the server', async () => {
    const readMac = async (host, port) => {
      const device = await connect(new PyserialPacedPort(host, port), { noStub: true, after: 'no_reset', connectAttempts: 2 });
      try {
        return await device.readMac();
      } finally {
        await device.close();
      }
    };
    const direct = await startHwSim({ chip: 'esp32', extra: kBoard });
    try {
      await assert.rejects(readMac('127.0.0.1', direct.port), /Wrong boot mode detected/);
    } finally {
      await direct.stop();
    }
    const facts = await readMac('127.0.0.1', server.port);
    assert.match(JSON.stringify(facts), /24:0a:c4/i);
  });

  test('argument errors are argparse-style lines with exit status 2', async () => {
    const r = await runCliAsync(['rfc2217_server', '-p', 'x', 'COM4'], dir, { timeoutMs: 20000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^usage: esptool-wasm rfc2217_server .*\nesptool-wasm rfc2217_server: error: argument -p\/--localport: invalid int value: 'x'\n$/);
    const none = await runCliAsync(['rfc2217_server'], dir, { timeoutMs: 20000 });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /error: the following arguments are required: SERIALPORT\n$/);
    const missing = await runCliAsync(['rfc2217_server', '-p', '0', '/nonexistent/ttyUSB9'], dir, { timeoutMs: 20000 });
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /\nCould not open serial port \/nonexistent\/ttyUSB9: No such file or directory\n$/);
  });
});
