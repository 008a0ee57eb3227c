// Reset sequences on a local serial port (LocalSerialPort over a recording binding): the exact
// DTR/RTS writes and waits of each esptool v4.8.1 strategy (reset.py, replayed by hand below
// from the lines' state after opening), which strategies a POSIX, a Windows and a USB-JTAG-Serial
// port get (loader.py _construct_reset_strategy_sequence), the baud changed in place, a port
// that drops out during a reset reopened, and a port without modem lines warned about once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../web/src/index.js';
import { LocalSerialPort } from '../../web/src/node.js';
import { classifyPortError, PortOpenError } from '../../web/src/ports/local-serial-errors.js';
import { hasHwSim, startHwSim } from './hwsim.mjs';
import { RecordingBinding } from './recording-binding.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';
const kPath = '/dev/ttyRECORDED';

// reset.py's strategies as line writes "DR" and waits "W<ms>", from the state given.
const tight = (d) => ['00', '11', '01', 'W100', '10', `W${d}`, '00', '00'];
const classic = (d) => ['00', '01', '01', 'W100', '11', '10', '10', `W${d}`, '00']; // from (0,0)
const usbJtag = ['10', '10', '00', 'W100', '10', '10', '10', 'W100', '11', '11', '01', '01', '01', 'W100', '01', '00', '00'];
const hardReset = ['01', '01', 'W100', '00', '00'];

// Checks the recorded set() calls against `expected`: the same writes in order, and each wait
// at least its length (timers never fire early by more than a millisecond) and clearly shorter
// than the next longer delay (so 50 ms and 550 ms cannot be mistaken for each other).
function assertWrites(writes, expected) {
  const lines = expected.filter((e) => !e.startsWith('W'));
  assert.deepEqual(writes.map((w) => `${+w.dtr}${+w.rts}`), lines);
  let i = 0;
  for (let k = 0; k < expected.length; k++) {
    if (!expected[k].startsWith('W')) {
      i++;
      continue;
    }
    const want = Number(expected[k].slice(1));
    const gap = writes[i].t - writes[i - 1].t;
    assert.ok(gap >= want - 1, `wait ${want} ms before write ${i} lasted only ${gap.toFixed(1)} ms`);
    assert.ok(gap < want + 450, `wait ${want} ms before write ${i} lasted ${gap.toFixed(1)} ms`);
  }
}

async function connectTo(binding, { platform = 'linux', ...options } = {}) {
  const warnings = [];
  const port = new LocalSerialPort(kPath, { binding, platform, onWarning: (w) => warnings.push(w) });
  const device = await connect(port, { noStub: true, after: 'no_reset', ...options });
  return { device, port, warnings };
}

async function failsToConnect(device, options) {
  await assert.rejects(device.chipId(options), (e) => e.name === 'no_sync');
  await device.close();
}

describe('reset sequences of a board that never answers', { timeout: 60000 }, () => {
  test('POSIX: tight 0.05 s, tight 0.55 s, classic 0.05 s, classic 0.55 s, from both lines asserted', async () => {
    const binding = new RecordingBinding();
    const { device } = await connectTo(binding);
    await failsToConnect(device, { connectAttempts: 4 });
    assertWrites(binding.lineWrites(), [...tight(50), ...tight(550), ...classic(50), ...classic(550)]);
  });

  test('Windows: lines released after open, then classic 0.05 s and 0.55 s only', async () => {
    const binding = new RecordingBinding();
    const { device } = await connectTo(binding, { platform: 'win32' });
    await failsToConnect(device, { connectAttempts: 2 });
    assertWrites(binding.lineWrites(), ['00', ...classic(50), ...classic(550)]);
  });

  test('a port listed with USB PID 0x1001 gets the USB-JTAG-Serial sequence', async () => {
    const binding = new RecordingBinding({ ports: [{ path: kPath, vendorId: '303a', productId: '1001' }] });
    const { device, port } = await connectTo(binding);
    assert.deepEqual(port.getInfo(), { usbVendorId: 0x303a, usbProductId: 0x1001 });
    await failsToConnect(device, { connectAttempts: 1 });
    assertWrites(binding.lineWrites(), usbJtag);
  });

  test('a port without modem lines (ENOTTY) warns once and the attempts go on', async () => {
    const binding = new RecordingBinding();
    binding.failAllSets('Error: Inappropriate ioctl for device, cannot set');
    const { device, warnings } = await connectTo(binding);
    await failsToConnect(device, { connectAttempts: 2 });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^WARNING: Chip was NOT reset\. Setting RTS\/DTR lines is not supported for port '\/dev\/ttyRECORDED'/);
    assert.equal(binding.calls.filter((c) => c.op === 'open').length, 1, 'ENOTTY is no reason to reopen');
  });
});

describe('reset sequences reaching a simulated board (hw-sim over RFC 2217)', { skip, timeout: 60000 }, () => {
  let sim;
  before(async () => {
    sim = await startHwSim({ chip: 'esp32' });
  });
  after(async () => {
    await sim?.stop();
  });
  const relay = () => new RecordingBinding({ relayTo: { host: '127.0.0.1', port: sim.port } });

  test('the first tight reset reaches download mode; hard reset after; the baud changes in place', async () => {
    const binding = relay();
    const { device } = await connectTo(binding, { noStub: false, after: 'hard_reset', baud: 921600 });
    const facts = await device.chipId();
    await device.close();
    assert.match(String(facts.chip ?? facts.description ?? JSON.stringify(facts)), /ESP32/);
    assertWrites(binding.lineWrites(), [...tight(50), ...hardReset]);
    const ops = binding.calls.map((c) => c.op).filter((op) => op !== 'write' && op !== 'set');
    // opened once at 115200, the rate raised on the open port, closed once at the end
    assert.deepEqual(ops, ['open', 'update', 'update', 'close']);
    assert.deepEqual(binding.calls.filter((c) => c.op === 'update').map((c) => c.baudRate), [115200, 921600]);
    assert.equal(binding.calls[0].baudRate, 115200);
  });

  test('a port that drops out during a reset is closed, reopened 0.5 s later, and the reset goes on', async () => {
    const binding = relay();
    binding.failSet(2, 'Error: Input/output error, cannot set');
    const { device } = await connectTo(binding);
    await device.chipId();
    await device.close();
    const ops = binding.calls.filter((c) => c.op !== 'write');
    const failed = ops.findIndex((c) => c.op === 'set' && c === binding.lineWrites()[1]);
    assert.deepEqual(ops.slice(failed + 1, failed + 3).map((c) => c.op), ['close', 'open']);
    assert.ok(ops[failed + 2].t - ops[failed + 1].t >= 499, 'reset.py sleeps 0.5 s before reopening');
    // The failed write is made again on the reopened port; the rest of the tight reset follows.
    assertWrites(binding.lineWrites().slice(2), tight(50).slice(1));
  });
});

test('port errors are told apart by the OS wording bindings-cpp passes on', () => {
  const cases = [
    ['Error: No such file or directory, cannot open /dev/ttyUSB9', 'no_port'],
    ['Opening COM9: File not found', 'no_port'],
    ['Error: Permission denied, cannot open /dev/ttyUSB0', 'permission_denied'],
    ['Error Resource temporarily unavailable Cannot lock port', 'port_busy'],
    ['Opening COM4: Access denied', 'port_lost'],
    ['Opening COM4: Access is denied.', 'port_busy'],
    ['Error: Resource busy, cannot open /dev/cu.usbserial-1410', 'port_busy'],
    ['Error: Inappropriate ioctl for device, cannot set', 'no_line_control'],
    ['Error: Input/output error, cannot set', 'port_lost'],
  ];
  for (const [text, kind] of cases) assert.equal(classifyPortError(new Error(text)), kind, text);
  const e = new PortOpenError('/dev/ttyUSB0', 'permission_denied', new Error('Error: Permission denied, cannot open /dev/ttyUSB0'));
  assert.equal(e.reason, 'Permission denied');
});
