// A write whose files the host compresses (runDeviceCommand's `deflate` option; the Node CLI runs
// it on a worker thread, web/cli/worker-deflater.js): the engine sends the host's stream when it
// is the stream of exactly the bytes written, and compresses the region itself when the host's
// stream is wrong or failed, and waits for one still being made. Every write here must verify.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { InlineEngine } from '../../web/src/driver.js';
import { loadDeviceModule } from '../../web/src/load-wasm.js';
import { portFromUrl } from '../../web/src/node.js';
import { PortIo } from '../../web/src/port-io.js';
import { workerDeflater } from '../../web/cli/worker-deflater.js';
import { hasHwSim, startHwSim } from './hwsim.mjs';
import { testData } from './device-fixtures.mjs';

const skip = hasHwSim ? false : 'build/native/hw-sim is not built';

// 10001 bytes: the engine pads the file to a whole word (10004) before compressing it.
const data = testData(10001, 5);

describe('a write compressed by the host', { skip, timeout: 120000 }, () => {
  let m;
  let sim;
  let io;
  let engine;
  before(async () => {
    m = await loadDeviceModule();
    sim = await startHwSim({ chip: 'esp32' });
    io = new PortIo(portFromUrl(sim.url));
    await io.open(115200);
    engine = new InlineEngine(m);
  });
  after(async () => {
    engine?.close();
    await io?.close();
    await sim?.stop();
  });

  // Runs the write with `deflate`; resolves to {lines, compressed: the "(N compressed)" count, asked: inputs given to deflate}.
  async function write(deflate) {
    const lines = [];
    const asked = [];
    await engine.run({ command: 'write_flash', portKind: 'rfc2217', stubsOnDemand: true, files: [{ offset: 0x10000, data, name: 'app.bin' }] }, io, {
      onLog: (line) => lines.push(line),
      deflate: (input) => {
        asked.push(Uint8Array.from(input));
        return deflate(input);
      },
    });
    assert.ok(lines.includes('Hash of data verified.'), lines.join('\n'));
    const compressed = Number(/Wrote 10004 bytes \((\d+) compressed\)/.exec(lines.join('\n'))?.[1]);
    return { lines, compressed, asked };
  }

  test("the host's stream is what goes over the wire", async () => {
    // zlib -1 of the padded file: a valid stream of the same bytes, longer than the engine's own.
    let given = 0;
    const { compressed } = await write(async (input) => {
      const stream = deflateSync(input, { level: 1 });
      given = stream.length;
      return new Uint8Array(stream);
    });
    assert.equal(compressed, given);
  });

  test("a write waits for a stream that is still being made", async () => {
    let given = 0;
    const { compressed } = await write(async (input) => {
      await new Promise((resolve) => setTimeout(resolve, 1500)); // longer than connect and stub
      const stream = deflateSync(input, { level: 1 });
      given = stream.length;
      return new Uint8Array(stream);
    });
    assert.equal(compressed, given);
  });

  test("the CLI's worker compresses the padded file", async () => {
    const deflater = workerDeflater();
    const made = [];
    try {
      const { compressed, asked } = await write(async (input) => {
        const stream = await deflater.deflate(input);
        made.push(stream.length);
        return stream;
      });
      assert.equal(asked.length, 1);
      assert.equal(asked[0].length, 10004);
      assert.deepEqual(Buffer.from(asked[0].subarray(0, 10001)), data);
      assert.deepEqual([...asked[0].subarray(10001)], [0xff, 0xff, 0xff]);
      assert.deepEqual(made, [compressed]);
    } finally {
      deflater.close();
    }
  });

  test("a stream of other bytes is refused and the engine compresses the file itself", async () => {
    const bogus = deflateSync(testData(10004, 6), { level: 1 });
    const { compressed } = await write(async () => new Uint8Array(bogus));
    assert.notEqual(compressed, bogus.length);
    assert.ok(compressed > 0);
  });

  test('a deflater that fails costs nothing but time', async () => {
    const { compressed } = await write(() => Promise.reject(new Error('no worker here')));
    assert.ok(compressed > 0);
    const thrown = await write(() => {
      throw new Error('no Worker could be started');
    });
    assert.ok(thrown.compressed > 0);
  });
});
