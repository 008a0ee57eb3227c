// A cable unplugged mid-write and plugged back in (issue 12), through the JS API on the virtual
// ESP32 behind its USB bridge (CP2102 ids), unpaced in this thread: PortIo finds the port again
// through the board's own `serial` registry and the engine reconnects and resumes. Back within
// the grace period, a 1 MiB write reads back byte for byte; not back, one line says what was
// written; with recover:false the loss ends the write without waiting for the board.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { connect, EsptoolError } from '../../web/src/index.js';
import { createVirtualPort } from '../../web/src/virtual/index.js';
import { testData } from './device-fixtures.mjs';

const built = existsSync(new URL('../../web/dist/hw-sim.wasm', import.meta.url));
const skip = built ? false : 'web/dist/hw-sim.wasm is not built (web/tools/build.sh)';

const kBoot = { offset: 0x1000, data: testData(8 * 1024, 21), name: 'boot.bin' };
const kBig = { offset: 0x100000, data: testData(1 << 20, 22), name: 'big.bin' };
// Host bytes after connect at which the cable goes: inside big.bin (the stub upload, boot.bin and
// the baud change are well under 100 kB; 1 MiB of this data deflates to some 400 kB).
const kUnplugAfter = 250000;

/** Starts a write of boot.bin and big.bin with the cable pulled mid-way; {port, device, logs, done}. */
async function writeWithUnplug(connectOptions, writeOptions = {}) {
  const port = createVirtualPort({ worker: false, paced: false, chip: 'esp32' });
  const device = await connect(port, { baud: 921600, ...connectOptions });
  const logs = [];
  await port.unplug({ afterHostBytes: kUnplugAfter });
  const done = device.writeFlash([kBoot, kBig], { onLog: (line) => logs.push(line), ...writeOptions });
  return { port, device, logs, done };
}

async function readBack(port, file) {
  return Buffer.from(await port.readFlash(file.offset, file.data.length));
}

describe('replug: a write survives a replugged cable', { skip, timeout: 120000 }, () => {
  test('plugged back in 1 s later, a 1 MiB write resumes from what the flash holds and reads back equal', async () => {
    const { port, device, logs, done } = await writeWithUnplug({});
    port.addEventListener('disconnect', () => setTimeout(() => port.replug(), 1000), { once: true });
    try {
      const facts = await done;
      assert.ok((await readBack(port, kBoot)).equals(kBoot.data), 'boot.bin in flash');
      assert.ok((await readBack(port, kBig)).equals(kBig.data), 'big.bin in flash');
      assert.equal(facts.line_errors_recovered, 1, logs.join('\n'));
      const resumed = logs.find((l) => /^Line error \(.*Serial port went away mid-command.*\), resuming from 0x[0-9a-f]{8}/.test(l));
      assert.ok(resumed, `a resume line in:\n${logs.join('\n')}`);
      const from = Number.parseInt(resumed.match(/resuming from (0x[0-9a-f]{8})/)[1], 16);
      assert.ok(from > kBig.offset, `resumed inside big.bin, not from its start: ${resumed}`);
      assert.ok(logs.includes('Recovered from 1 line error; every file was verified.'), logs.join('\n'));
    } finally {
      await device.close();
      await port.forget();
    }
  });

  test('not back within the grace period: port_lost, one line naming what was and was not written', async () => {
    const { port, device, done } = await writeWithUnplug({ replugGraceMs: 1500 });
    try {
      await assert.rejects(done, (e) => {
        assert.ok(e instanceof EsptoolError, String(e));
        assert.equal(e.name, 'port_lost', e.message);
        assert.ok(!e.message.includes('\n'), 'one line');
        assert.match(e.message, /^Serial port lost: .*did not come back within 1500 ms/);
        assert.match(e.message, /; written and verified: boot\.bin at 0x00001000; not complete: big\.bin at 0x00100000$/);
        return true;
      });
      assert.ok((await readBack(port, kBoot)).equals(kBoot.data), 'what it calls verified is in flash');
    } finally {
      await device.close();
      await port.forget();
    }
  });

  test('with recover:false the loss ends the write without waiting for the board', async () => {
    const { port, device, logs, done } = await writeWithUnplug({ recover: false });
    let looked = 0;
    const getPorts = port.serial.getPorts.bind(port.serial);
    port.serial.getPorts = () => {
      looked += 1;
      return getPorts();
    };
    try {
      await assert.rejects(done, (e) => {
        assert.equal(e.name, 'port_lost', e.message);
        assert.match(e.message, /; written and verified: boot\.bin at 0x00001000; not complete: big\.bin at 0x00100000$/);
        return true;
      });
      assert.equal(looked, 0, 'nobody looked for the port again');
      assert.ok(!logs.some((l) => l.startsWith('Connecting again')), logs.join('\n'));
    } finally {
      await device.close();
      await port.forget();
    }
  });
});
