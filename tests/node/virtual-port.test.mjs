// The virtual serial port (esptool-wasm/virtual) on the caller's thread, unpaced: Web Serial's
// behaviour where a flasher notices, and the JS API's connect() writing, reading back, changing
// baud by close/reopen, losing the device mid-write and reconnecting after replug, under faults.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { connect, EsptoolError } from '../../web/src/index.js';
import { createVirtualPort, virtualChips } from '../../web/src/virtual/index.js';
import { testData } from './device-fixtures.mjs';

const built = existsSync(new URL('../../web/dist/hw-sim.wasm', import.meta.url));
const skip = built ? false : 'web/dist/hw-sim.wasm is not built (web/tools/build.sh)';

/** An unpaced in-thread port whose open() calls are recorded as baud rates. */
function virtualPort(options) {
  const port = createVirtualPort({ worker: false, paced: false, ...options });
  const opens = [];
  const open = port.open.bind(port);
  port.open = (o) => {
    opens.push(o?.baudRate);
    return open(o);
  };
  return { port, opens };
}

/** Resolves when `promise` settles or rejects after `ms` (so a hang fails the test, not the run). */
function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function eventOnce(target, type, ms) {
  return within(ms, new Promise((resolve) => target.addEventListener(type, resolve, { once: true })), `'${type}' event`);
}

describe('virtual port: Web Serial behaviour', { skip, timeout: 30000 }, () => {
  test('virtualChips lists hw-sim chips with their consoles', async () => {
    const chips = await virtualChips();
    const keys = chips.map((c) => c.key);
    for (const k of ['esp8266', 'esp32', 'esp32s2', 'esp32s3', 'esp32c3', 'esp32c6', 'esp32h2']) {
      assert.ok(keys.includes(k), `${k} in ${keys}`);
    }
    const byKey = Object.fromEntries(chips.map((c) => [c.key, c]));
    assert.equal(byKey.esp32.name, 'ESP32');
    assert.deepEqual(byKey.esp32.consoles, ['uart']);
    assert.deepEqual(byKey.esp32s3.consoles, ['uart', 'usb-jtag-serial', 'usb-otg']);
    assert.deepEqual(byKey.esp32c3.consoles, ['uart', 'usb-jtag-serial']);
  });

  test('getInfo gives the USB ids of the board console', () => {
    assert.deepEqual(createVirtualPort({ worker: false }).getInfo(), { usbVendorId: 0x10c4, usbProductId: 0xea60 });
    assert.deepEqual(createVirtualPort({ worker: false, chip: 'esp32c3', console: 'usb-jtag-serial' }).getInfo(), {
      usbVendorId: 0x303a,
      usbProductId: 0x1001,
    });
    assert.deepEqual(createVirtualPort({ worker: false, chip: 'esp32s3', console: 'usb-otg' }).getInfo(), {
      usbVendorId: 0x303a,
      usbProductId: 0x0002,
    });
    assert.throws(() => createVirtualPort({ console: 'bluetooth' }), RangeError);
    assert.throws(() => createVirtualPort({ flashSize: 'big' }), RangeError);
  });

  test('open, streams, signals and close follow SerialPort', async () => {
    const port = createVirtualPort({ worker: false, paced: false });
    assert.equal(port.readable, null);
    assert.equal(port.writable, null);
    await assert.rejects(port.setSignals({ dataTerminalReady: true }), { name: 'InvalidStateError' });
    await assert.rejects(port.open({}), TypeError);
    await port.open({ baudRate: 115200 });
    await assert.rejects(port.open({ baudRate: 115200 }), { name: 'InvalidStateError' });
    await assert.rejects(port.setSignals({}), TypeError);
    assert.ok(port.readable instanceof ReadableStream);
    const reader = port.readable.getReader();
    await assert.rejects(port.close(), TypeError); // a locked stream
    // Classic reset into download mode: the ROM banner arrives on the readable stream.
    await port.setSignals({ dataTerminalReady: false, requestToSend: true });
    await new Promise((r) => setTimeout(r, 100)); // EN held low, in the host's time
    await port.setSignals({ dataTerminalReady: true, requestToSend: false });
    let text = '';
    await within(5000, (async () => {
      while (!text.includes('waiting for download')) {
        const { value } = await reader.read();
        text += Buffer.from(value).toString('latin1');
      }
    })(), 'the download banner');
    assert.match(text, /boot:0x3 \(DOWNLOAD_BOOT/);
    await reader.cancel();
    reader.releaseLock();
    assert.ok(port.readable, 'a cancelled readable is replaced while the port is open');
    await port.close();
    assert.equal(port.readable, null);
    await assert.rejects(port.close(), { name: 'InvalidStateError' });
    assert.equal((await port.stats()).mode, 'rom');
    await port.forget();
    await assert.rejects(port.open({ baudRate: 115200 }), { name: 'InvalidStateError' });
  });

  test('a bad chip or fault plan is refused with one sentence', async () => {
    await assert.rejects(createVirtualPort({ worker: false, chip: 'esp31' }).open({ baudRate: 115200 }), /Unknown chip 'esp31'/);
    await assert.rejects(
      createVirtualPort({ worker: false, faults: 'melt=1' }).open({ baudRate: 115200 }),
      /^Error: Bad fault plan: unknown fault kind 'melt'/,
    );
    await assert.rejects(createVirtualPort({ worker: false, chip: 'esp32', console: 'usb-otg' }).open({ baudRate: 115200 }), /no 'usb-otg' console/);
    await assert.rejects(createVirtualPort({ worker: false, chip: 'esp32', secureDownloadMode: true }).open({ baudRate: 115200 }), /The esp32 has no Secure Download Mode/);
    const port = createVirtualPort({ worker: false });
    await assert.rejects(port.setFaults('flip=2'), /bad value in fault 'flip=2'/);
    await port.setFaults('flip_byte=100');
    await assert.rejects(port.readFlash(4 * 1024 * 1024 - 4, 8), RangeError);
    await port.forget();
  });

  test('paced, bytes take their wire time at the open baud rate', async () => {
    const port = createVirtualPort({ worker: false, paced: true, chip: 'esp32' });
    const t0 = performance.now();
    const device = await within(20000, connect(port, { noStub: true, baud: 115200 }), 'connect');
    try {
      await within(20000, device.writeFlash([{ offset: 0x10000, data: testData(4096, 5) }], { compress: false }), 'write');
    } finally {
      await device.close();
    }
    const ms = performance.now() - t0;
    const { hostBytes } = await port.stats();
    assert.ok(hostBytes > 4096);
    assert.ok(ms >= (hostBytes * 10 * 1000) / 115200, `${ms} ms for ${hostBytes} bytes at 115200`);
    await port.forget();
  });
});

test('secureDownloadMode: reads are refused with core\'s hint, a write with --flash_size lands', { skip, timeout: 60000 }, async () => {
  const port = createVirtualPort({ worker: false, paced: false, chip: 'esp32s3', secureDownloadMode: true });
  const device = await within(20000, connect(port, { baud: 460800 }), 'connect');
  try {
    await assert.rejects(within(20000, device.flashId(), 'flashId'), (e) => {
      assert.ok(e instanceof EsptoolError, String(e));
      assert.equal(e.name, 'unsupported_command');
      assert.equal(e.message, 'This command (0xa) is not supported in Secure Download Mode');
      assert.match(e.hint, /Secure Download Mode, set by an eFuse that cannot be undone/);
      return true;
    });
    const data = testData(0x3000, 11);
    await within(20000, device.writeFlash([{ offset: 0x10000, data }], { flashSize: '4MB' }), 'writeFlash');
    assert.ok(Buffer.from(await port.readFlash(0x10000, data.length)).equals(data));
  } finally {
    await device.close();
  }
  await port.forget();
});

const files = (seed) => [
  { offset: 0x1000, data: testData(0x4000, seed), name: 'bootloader.bin' },
  { offset: 0x8000, data: testData(0xc00, seed + 1), name: 'partition-table.bin' },
  { offset: 0x10000, data: testData(0x18000, seed + 2), name: 'app.bin' },
];

for (const chip of ['esp32', 'esp32s3', 'esp8266']) {
  for (const noStub of [false, true]) {
    const mode = noStub ? 'ROM' : 'stub';
    test(`${chip} (${mode}): writeFlash three files, read back, readFlash() hook agrees`, { skip, timeout: 60000 }, async () => {
      const { port, opens } = virtualPort({ chip, flashSize: '4MB' });
      const device = await within(20000, connect(port, { baud: 460800, noStub }), 'connect');
      try {
        const list = files(chip.length + (noStub ? 7 : 0));
        const facts = await within(40000, device.writeFlash(list), 'writeFlash');
        assert.equal(typeof facts, 'object');
        // esptool reads ESP8266 flash only through the stub (its ROM has no read command).
        for (const f of chip === 'esp8266' && noStub ? [] : list) {
          const back = await within(30000, device.readFlash(f.offset, f.data.length), 'readFlash');
          assert.ok(Buffer.from(back).equals(f.data), `${f.name} read back`);
        }
      } finally {
        await device.close();
      }
      const list = files(chip.length + (noStub ? 7 : 0));
      for (const f of list) {
        const sim = await port.readFlash(f.offset, f.data.length);
        assert.ok(Buffer.from(sim).equals(f.data), `${f.name} in the simulated flash`);
      }
      // Each command opens at 115200 (connect) and reopens at 460800 after CHANGE_BAUDRATE; the
      // ESP8266 ROM cannot change its rate.
      assert.equal(opens[0], 115200);
      assert.equal(opens.includes(460800), !(chip === 'esp8266' && noStub), `opens: ${opens}`);
      await port.forget();
    });
  }
}

describe('virtual port: losing the device', { skip, timeout: 60000 }, () => {
  // recover:false: nobody waits for the board (with recovery on, tests/node/replug.test.mjs).
  test('with recover:false an unplug mid-write ends the command with port_lost at once; after replug connect works', async () => {
    const port = createVirtualPort({ worker: false, paced: false, chip: 'esp32' });
    const device = await within(20000, connect(port, { baud: 921600, recover: false }), 'connect');
    const disconnected = eventOnce(port, 'disconnect', 20000);
    await port.unplug({ afterHostBytes: 30000 });
    const t0 = performance.now();
    await assert.rejects(within(20000, device.writeFlash([{ offset: 0x20000, data: testData(300000, 3) }], { compress: false }), 'the write'), (e) => {
      assert.ok(e instanceof EsptoolError, String(e));
      assert.equal(e.name, 'port_lost');
      return true;
    });
    assert.ok(performance.now() - t0 < 3000, 'at once, not at a timeout');
    await disconnected;
    assert.equal(port.connected, false);
    assert.equal(port.readable, null);
    await device.close();
    await assert.rejects(port.open({ baudRate: 115200 }), { name: 'NetworkError' });
    const reconnected = eventOnce(port, 'connect', 5000);
    await port.replug();
    await reconnected;
    const again = await within(20000, connect(port, { baud: 921600 }), 'the second connect');
    try {
      const data = testData(5000, 4);
      await within(20000, again.writeFlash([{ offset: 0x30000, data }]), 'write after replug');
      assert.ok(Buffer.from(await port.readFlash(0x30000, data.length)).equals(data));
    } finally {
      await again.close();
    }
    await port.forget();
  });

  test('a raw reader sees NetworkError when the cable goes', async () => {
    const port = createVirtualPort({ worker: false, paced: false });
    await port.open({ baudRate: 115200 });
    const reader = port.readable.getReader();
    const read = reader.read();
    await port.unplug();
    await assert.rejects(read, (e) => e instanceof DOMException && e.name === 'NetworkError' && /device has been lost/.test(e.message));
    await port.close(); // the loss closed it; one close() still resolves
    await port.forget();
  });

  test('an unplug while the reset sequence sleeps is port_lost too, not an internal error', async () => {
    const port = createVirtualPort({ worker: false, paced: false });
    const device = await within(20000, connect(port, { recover: false }), 'connect');
    const running = device.readMac();
    setTimeout(() => port.unplug(), 30); // inside the classic reset's 100 ms EN pulse
    await assert.rejects(within(20000, running, 'read_mac'), { name: 'port_lost' });
    await device.close();
    await port.forget();
  });

  test('a disconnect_at fault drops the link like an unplug', async () => {
    const port = createVirtualPort({ worker: false, paced: false, faults: 'disconnect_at=2000' });
    const device = await within(20000, connect(port, { recover: false }), 'connect');
    await assert.rejects(within(20000, device.writeFlash([{ offset: 0x10000, data: testData(20000, 8) }]), 'the write'), { name: 'port_lost' });
    await device.close();
    assert.equal(port.connected, false);
    await port.forget();
  });
});

describe('virtual port: fault plans', { skip, timeout: 60000 }, () => {
  // A flipped byte in the stub upload (ROM MEM_DATA), in a data block, a lost byte, a refused block.
  for (const faults of ['flip_byte=3000', 'flip_byte=20000', 'drop_byte=30000', 'error=0x11:0xC1:2']) {
    test(`${faults}: the write ends verified or with one clear error`, async () => {
      const port = createVirtualPort({ worker: false, paced: false, faults, seed: 5 });
      const data = testData(60000, 9);
      let device;
      try {
        device = await within(20000, connect(port, { baud: 460800 }), 'connect');
        await within(40000, device.writeFlash([{ offset: 0x40000, data }]), 'writeFlash');
        assert.ok(Buffer.from(await port.readFlash(0x40000, data.length)).equals(data), 'verified means written');
      } catch (e) {
        assert.ok(e instanceof EsptoolError, `not an EsptoolError: ${e?.stack ?? e}`);
        assert.notEqual(e.name, 'internal', e.message);
        assert.ok(!e.message.includes('\n'), 'one sentence');
      } finally {
        await device?.close().catch(() => {});
        await port.forget();
      }
    });
  }
});
