// Our Improv Wi-Fi serial client (web/src/improv.js) against hw-sim's Improv app (the virtual
// port's `improv` option, in-thread): the codec on the spec's example, then after an install of
// the example firmware: detect, device info, scan, wrong then right credentials.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImprovClient, ImprovDecoder, encodePacket, encodeRpc, wifiSettings } from '../../web/src/improv.js';
import { installFirmware } from '../../web/src/install.js';
import { openSerialConsole } from '../../web/src/serial-console.js';
import { createVirtualPort } from '../../web/src/virtual/index.js';
import { root } from './helpers.mjs';

const built = existsSync(join(root, 'web/dist/hw-sim.wasm'));
const fwDir = join(root, 'web/examples/firmware');

test("the codec: serial.md's Wi-Fi example, checksums, console text around packets", () => {
  const data = wifiSettings('MyWirelessAP', 'mysecurepassword');
  const rpc = encodeRpc(0x01, data);
  assert.deepEqual([...rpc.slice(0, 12)], [0x49, 0x4d, 0x50, 0x52, 0x4f, 0x56, 1, 3, 0x20, 0x01, 0x1e, 0x0c]);
  assert.equal(rpc.at(-1), 0x0a);
  assert.equal(rpc.at(-2), [...rpc.slice(0, -2)].reduce((s, b) => s + b, 0) & 0xff);
  const packets = [];
  let text = '';
  const d = new ImprovDecoder({ onPacket: (p) => packets.push(p), onText: (t) => (text += t) });
  const bad = encodePacket(0x01, [0x04]);
  bad[bad.length - 2] ^= 1;
  d.push(new TextEncoder().encode('I (10) app: hello\r\n'));
  d.push(encodePacket(0x01, [0x02]).slice(0, 5));
  d.push(encodePacket(0x01, [0x02]).slice(5));
  d.push(bad);
  assert.deepEqual(packets, [{ type: 1, data: [2] }]);
  assert.match(text, /app: hello/);
});

describe('against hw-sim\'s Improv app', { skip: built ? false : 'web/dist/hw-sim.wasm is not built', timeout: 60000 }, () => {
  before(() => execFileSync(process.execPath, [join(root, 'web/tools/example-firmware.mjs')]));

  test('after an install: detect, info, scan, a wrong password refused, the right one gives the URL', async () => {
    const port = createVirtualPort({
      chip: 'esp32',
      worker: false,
      paced: false,
      improv: { firmware: 'Blinky Example', version: '1.0.0', deviceName: 'Desk lamp', ssid: 'home', password: 'secret', url: 'http://lamp.local/' },
    });
    const fetch = async (url) => new Response(readFileSync(join(fwDir, new URL(url).pathname.replace('/fw/', ''))));
    await installFirmware({ manifestUrl: 'http://vendor.test/fw/manifest.json', port, fetch, erase: false });
    let client;
    let consoleText = '';
    const con = await openSerialConsole(port, { onBytes: (b) => client.push(b) });
    client = new ImprovClient(port, { onText: (t) => (consoleText += t) });
    try {
      const info = await client.detect(10000);
      assert.deepEqual(info, { firmware: 'Blinky Example', version: '1.0.0', chip: 'esp32', name: 'Desk lamp', state: 2 });
      const networks = await client.scan();
      assert.deepEqual(networks.map((n) => n.ssid), ['home', 'neighbours-open']);
      await assert.rejects(client.provision('home', 'wrong'), /unable to connect/);
      assert.equal(await client.provision('home', 'secret'), 'http://lamp.local/');
      assert.equal(client.state, 4);
      assert.match(consoleText, /Improv Wi-Fi serial ready/);
    } finally {
      await con.close();
    }
  });
});
