// The JS API's connect() against a hw-sim server through the Node RFC 2217 adapter: operations
// return promises with facts or bytes, report progress and log lines through callbacks, and
// fail with EsptoolError (stable names) for refused requests and aborts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, EsptoolError } from '../../web/src/index.js';
import { portFromUrl } from '../../web/src/node.js';
import { hasHwSim, startHwSim } from './hwsim.mjs';
import { testData } from './device-fixtures.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';

describe('connect() to an ESP32-C3 over RFC 2217', { skip, timeout: 120000 }, () => {
  let sim;
  let device;
  before(async () => {
    sim = await startHwSim({ chip: 'esp32c3', extra: ['--flash-size', '2MB'] });
    device = await connect(portFromUrl(sim.url), { baud: 460800 });
  });
  after(async () => {
    await device?.close();
    await sim?.stop();
  });

  test('writeFlash then readFlash round-trips with progress and esptool log lines', async () => {
    const data = testData(50000, 11);
    const progress = [];
    const lines = [];
    await device.writeFlash([{ offset: 0x8000, data, name: 'part.bin' }], {
      onProgress: (e) => progress.push(e),
      onLog: (line) => lines.push(line),
    });
    assert.ok(lines.includes('Hash of data verified.'), lines.join('\n'));
    const writes = progress.filter((e) => e.stage === 'write');
    assert.ok(writes.length > 1);
    assert.equal(writes.at(-1).done, writes.at(-1).total);
    assert.equal(writes[0].offset, 0x8000);
    assert.match(writes[0].text, /^Writing at 0x00008000\.\.\. \(\d+ %\)$/);
    const back = await device.readFlash(0x8000, data.length);
    assert.ok(Buffer.from(back).equals(data));
  });

  test('readMac and flashId resolve to facts', async () => {
    const mac = await device.readMac();
    assert.equal(typeof mac, 'object');
    const id = await device.flashId();
    assert.equal(typeof id.flash_id, 'number');
  });

  test('a refused request rejects with EsptoolError before touching the device', async () => {
    await assert.rejects(device.eraseRegion(0x1001, 0x1000), (e) => {
      assert.ok(e instanceof EsptoolError);
      assert.equal(e.name, 'bad_argument');
      assert.equal(e.message, 'Offset to erase from must be a multiple of 4096');
      return true;
    });
    await assert.rejects(device.writeFlash([]), { name: 'bad_argument' });
  });

  test('an aborted operation rejects as cancelled and the device stays usable', async () => {
    const controller = new AbortController();
    const big = testData(400000, 12);
    const run = device.writeFlash([{ offset: 0x40000, data: big }], {
      signal: controller.signal,
      onProgress: (e) => e.stage === 'write' && controller.abort(),
    });
    await assert.rejects(run, { name: 'cancelled' });
    const again = await device.readFlash(0x8000, 16);
    assert.equal(again.length, 16);
  });
});
