// The CLI without --port (esptool's get_default_connected_device), run in-process over a fake
// port list: Espressif's USB ids first, then USB-serial bridges, then the rest; --port-filter as
// esptool applies it; each port tried is named, failures say why, the one that answers runs the
// command. Ports are a hw-sim RFC 2217 server, recording ports that never answer, and a port
// whose open fails with EACCES (the dialout hint).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from '../../web/cli/load-full.js';
import { runDeviceCli } from '../../web/cli/device-command.js';
import { LocalSerialPort, portFromUrl } from '../../web/src/node.js';
import { hasHwSim, startHwSim } from './hwsim.mjs';
import { RecordingBinding } from './recording-binding.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';

const kListed = [
  { path: '/dev/ttyS0' },
  { path: '/dev/ttyUSB0', vendorId: 0x10c4, productId: 0xea60 }, // CP2102: the board (hw-sim)
  { path: '/dev/ttyACM0', vendorId: 0x303a, productId: 0x1001 }, // USB-JTAG-Serial, silent
  { path: '/dev/ttyUSB1', vendorId: 0x1a86, productId: 0x7523 }, // CH340, no permission
];

describe('port scanning', { skip, timeout: 90000 }, () => {
  let sim, m;
  before(async () => {
    sim = await startHwSim({ chip: 'esp32' });
    m = await loadModule();
  });
  after(async () => {
    await sim?.stop();
  });

  async function scan(args, { listed = kListed, env = {} } = {}) {
    const opened = [];
    let text = '';
    const deps = {
      listPorts: async () => listed,
      openPort: (path, options) => {
        opened.push(path);
        if (path === '/dev/ttyUSB0' || path.startsWith('rfc2217:')) return portFromUrl(sim.url);
        const binding = new RecordingBinding();
        if (path === '/dev/ttyUSB1') binding.openFaults.push('Error: Permission denied, cannot open /dev/ttyUSB1');
        return new LocalSerialPort(path, { ...options, binding });
      },
      stdout: { isTTY: false, write: (t) => (text += t) },
    };
    const status = await runDeviceCli(m, ['--connect-attempts', '1', ...args], env, deps);
    return { status, stdout: text, opened };
  }

  test('tries Espressif ports, then bridges, then the rest, and runs the command on the one that answers', async () => {
    const r = await scan(['--after', 'no_reset', 'read_mac']);
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(r.opened, ['/dev/ttyACM0', '/dev/ttyUSB1', '/dev/ttyUSB0']);
    assert.match(r.stdout, /\nFound 4 serial ports\nSerial port \/dev\/ttyACM0\nConnecting\.\.\./);
    assert.match(r.stdout, /\n\/dev\/ttyACM0 failed to connect: Failed to connect to Espressif device: /);
    assert.match(
      r.stdout,
      /\nSerial port \/dev\/ttyUSB1\n\/dev\/ttyUSB1 failed to connect: Could not open \/dev\/ttyUSB1: Permission denied\. Add your user to the dialout group \(sudo usermod -a -G dialout <USERNAME>\)/,
    );
    assert.match(r.stdout, /\nSerial port \/dev\/ttyUSB0\nConnecting\.\.\.\n(.*\n)*Chip is ESP32/);
    assert.match(r.stdout, /\nMAC: [0-9a-f:]{17}\n/);
    assert.doesNotMatch(r.stdout, /ttyS0/);
  });

  test('--port-filter vid=... keeps only matching ports', async () => {
    const r = await scan(['--port-filter', 'vid=0x10C4', '--after', 'no_reset', 'read_mac']);
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(r.opened, ['/dev/ttyUSB0']);
    assert.match(r.stdout, /\nFound 1 serial ports\nSerial port \/dev\/ttyUSB0\n/);
  });

  test('no port answering is one fatal line counting the ports; a name filter matched only ttyS0', async () => {
    const r = await scan(['--port-filter', 'name=ttyS', 'read_mac']);
    assert.equal(r.status, 2);
    assert.deepEqual(r.opened, ['/dev/ttyS0']);
    assert.match(
      r.stdout,
      /\nA fatal error occurred: Could not connect to an Espressif device on any of the 1 available serial ports\.\n$/,
    );
  });

  test('no ports at all', async () => {
    const r = await scan(['read_mac'], { listed: [] });
    assert.equal(r.status, 2);
    assert.match(r.stdout, /\nFound 0 serial ports\n\nA fatal error occurred: Could not connect to an Espressif device on any of the 0 available serial ports\.\n$/);
  });

  test('a malformed --port-filter is esptool\'s message; ESPTOOL_PORT means no scan', async () => {
    const bad = await scan(['--port-filter', 'vid', 'read_mac']);
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /A fatal error occurred: Option --port-filter argument must consist of key=value\n$/);
    const env = await scan(['--after', 'no_reset', 'read_mac'], { env: { ESPTOOL_PORT: sim.url } });
    assert.equal(env.status, 0, env.stdout);
    assert.deepEqual(env.opened, [sim.url]);
    assert.doesNotMatch(env.stdout, /Found \d+ serial ports/);
  });
});
