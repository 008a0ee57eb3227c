// PortIo's writes (web/src/port-io.js): a write the port takes goes through; one it never takes
// (a peer that stopped reading) ends as the port's loss after its bytes' time at the port's rate
// plus the slack, instead of waiting forever, and a port given up on that way stays usable for
// the engine's next step (the writer's lock is released).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PortClosedError, PortIo } from '../../web/src/port-io.js';

/** A SerialPort-shaped port whose reads never end; `stall` makes its writes never complete. */
function fakePort({ stall }) {
  const written = [];
  return {
    written,
    async open() {
      this.readable = new ReadableStream({ pull: () => new Promise(() => {}) });
      this.writable = new WritableStream({
        write: (chunk) => (stall ? new Promise(() => {}) : void written.push(...chunk)),
      });
    },
    async close() {},
  };
}

describe('PortIo writes', () => {
  test('a write the port takes goes through', async () => {
    const port = fakePort({ stall: false });
    const io = new PortIo(port, {}, { writeSlackMs: 50 });
    await io.open(921600);
    await io.write(Uint8Array.of(1, 2, 3));
    assert.deepEqual(port.written, [1, 2, 3]);
  });

  test('a write the port never takes fails as the port lost, after its time plus the slack', async () => {
    const port = fakePort({ stall: true });
    const io = new PortIo(port, {}, { writeSlackMs: 50 });
    await io.open(115200);
    const bytes = new Uint8Array(1152); // 200 ms at 115200, twice over: 250 ms with the slack
    const start = performance.now();
    await assert.rejects(io.write(bytes), (e) => {
      assert.ok(e instanceof PortClosedError, String(e));
      assert.match(e.message, /took no data for 250 ms/);
      return true;
    });
    const waited = performance.now() - start;
    assert.ok(waited >= 240 && waited < 2000, `waited ${waited} ms`);
    // The lock went back: the next write gets a writer (and stalls the same way, not a TypeError).
    await assert.rejects(io.write(Uint8Array.of(1)), PortClosedError);
  });
});
