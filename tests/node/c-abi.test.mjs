// The device module's plain C interface (wasm/c_abi.h, web/src/c-abi.js): calls come back as JS
// values with fresh Uint8Arrays; byte arrays of every kind go in whole (a Buffer, a view that
// starts inside its buffer, a plain array of numbers), also when copying them in grows the
// module's memory; arguments JSON cannot hold throw without disturbing the next call; refused
// input comes back as an error object; and sessions are separate.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDeviceModule } from '../../web/src/load-wasm.js';

const memoryOf = (m) => Object.values(m.asm).find((e) => e instanceof WebAssembly.Memory);

describe('the device module over its C interface', () => {
  test('answers its calls with JS values', async () => {
    const m = await loadDeviceModule();
    assert.equal(typeof m.DeviceSession, 'function');
    assert.equal(m.version(), '0.1.0');
    assert.equal(m.esptoolVersion(), '4.8.1');
    assert.deepEqual(m.flashModes(), ['qio', 'qout', 'dio', 'dout']);
    const esp32 = m.chips().find((c) => c.key === 'esp32');
    assert.deepEqual([esp32.name, esp32.bootloaderOffset, esp32.isEsp8266], ['ESP32', 0x1000, false]);
    assert.equal(typeof m.fallbackBaud(921600, 0x0108), 'number');
    const error = m.hostError('port_lost', 'gone: "quoted"\nand a second line');
    assert.equal(error.name, 'port_lost');
    assert.equal(error.message, 'gone: "quoted"\nand a second line');
    assert.match(error.hint, /connection/);
  });

  test('takes bytes as a Buffer, an offset view or an array of numbers, and returns copies', async () => {
    const m = await loadDeviceModule();
    const zeros = new Uint8Array(70000);
    const fromArray = m.strongDeflate(Array.from(zeros.subarray(0, 1000)));
    const fromView = m.strongDeflate(new Uint8Array(zeros.buffer, 69000, 1000));
    const fromBuffer = m.strongDeflate(Buffer.alloc(1000));
    assert.ok(fromArray instanceof Uint8Array);
    assert.deepEqual(fromView, fromArray);
    assert.deepEqual(fromBuffer, fromArray);
    // A copy, not a view into wasm memory, which a later call may reuse or move.
    assert.notEqual(fromArray.buffer, memoryOf(m).buffer);
    fromArray.fill(0);
    assert.deepEqual(m.strongDeflate(Buffer.alloc(1000)), fromBuffer);
    // A Buffer goes in as its bytes, never through its toJSON (an array of every byte, which for
    // a CLI's 4 MiB file cost tens of milliseconds), also inside an object's member.
    const noJson = Buffer.alloc(1000);
    noJson.toJSON = () => assert.fail('Buffer.toJSON was called');
    assert.deepEqual(m.strongDeflate(noJson), fromBuffer);
    const layout = m.checkFlashLayout([{ offset: 0x10000, data: noJson, name: 'app.bin' }], 'esp32', 4 << 20);
    assert.deepEqual(layout, { ok: true, value: null });
  });

  test('copies a part larger than the memory it has in one call (the memory grows)', async () => {
    const m = await loadDeviceModule();
    const before = memoryOf(m).buffer.byteLength;
    const big = new Uint8Array(before + (8 << 20));
    big[0] = 0xe9; // an image's magic, then nothing valid
    big[big.length - 1] = 0x5a;
    const layout = m.checkFlashLayout([{ offset: 0x10000, data: big, name: 'big.bin' }], 'esp32', 64 << 20);
    assert.deepEqual(layout, { ok: true, value: null });
    assert.ok(memoryOf(m).buffer.byteLength > before);
    const tooBig = m.checkFlashLayout([{ offset: 0x10000, data: big, name: 'big.bin' }], 'esp32', 4 << 20);
    assert.equal(tooBig.ok, false);
    assert.match(tooBig.error.message, /big\.bin/);
  });

  test('a call whose arguments JSON cannot hold throws and leaves nothing for the next one', async () => {
    const m = await loadDeviceModule();
    const expected = m.strongDeflate(Buffer.alloc(1000));
    // The part's bytes come before the BigInt that stops JSON.stringify.
    assert.throws(() => m.checkFlashLayout([{ data: new Uint8Array(4096).fill(7), offset: 1n }], 'esp32', null), TypeError);
    assert.deepEqual(m.strongDeflate(Buffer.alloc(1000)), expected);
  });

  test('keeps sessions apart and refuses a bad request with an error object', async () => {
    const m = await loadDeviceModule();
    const a = new m.DeviceSession();
    const b = new m.DeviceSession();
    assert.notEqual(a.handle, b.handle);
    assert.equal(a.finished(), true); // nothing started
    const refused = a.start({ command: 'no_such_command' }, 0);
    assert.equal(refused.ok, false);
    assert.equal(typeof refused.error.code, 'number');
    assert.equal(b.pollAction(), null);
    a.delete();
    b.delete();
  });
});
