// Improv Wi-Fi after an install, in the dialog, against hw-sim's Improv app (the virtual port's
// `improv` option, given to the button as its port): the firmware's name and version, the
// device's scan list, a wrong password refused, the right one gives "Visit device" and the Home
// Assistant link. Screenshot in build/screenshots/install-improv-1280.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, startServer } from './support.mjs';
import { buildExampleFirmware, launch, manifest, openExample } from './install-support.mjs';

let server;
let browser;

before(async () => {
  mkdirSync(join(root, 'build/screenshots'), { recursive: true });
  buildExampleFirmware();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('after installing, Improv: device info, scan list, wrong then right password, Visit device', { timeout: 120000 }, async () => {
  const withImprov = { ...manifest(), new_install_improv_wait_time: 8, home_assistant_domain: 'esphome' };
  const { context, page, problems } = await openExample(browser, `${server.origin}/examples/index.html`, {
    beforeNavigate: (p) => p.route(`${server.origin}/examples/firmware/manifest.json`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(withImprov) })),
  });
  await page.evaluate(async () => {
    const { createVirtualPort } = await import('/src/virtual/index.js');
    document.querySelector('#install').port = createVirtualPort({
      chip: 'esp32',
      paced: false,
      improv: { firmware: 'Blinky Example', version: '1.0.0', deviceName: 'Desk lamp', ssid: 'home', password: 'secret', url: 'http://lamp.local/' },
    });
  });
  await page.locator('#install').getByRole('button').click();
  await page.locator('#install .actions button.primary:has-text("Install")').click({ timeout: 30000 });
  await page.locator('#install form.wifi').waitFor({ timeout: 40000 });
  assert.equal(await page.locator('#install .improv-info').textContent(), 'Desk lamp: Blinky Example 1.0.0 (Improv Wi-Fi)');
  assert.equal(await page.locator('#install #ewt-ssid').inputValue(), 'home');
  assert.deepEqual(await page.locator('#install #ewt-networks option').evaluateAll((o) => o.map((x) => x.value)), ['home', 'neighbours-open']);
  await page.screenshot({ path: join(root, 'build/screenshots/install-improv-1280.png') });
  await page.locator('#install #ewt-password').fill('wrong');
  await page.locator('#install form.wifi button').click();
  await page.locator('#install .improv-status[data-improv=failed]').waitFor({ timeout: 20000 });
  assert.match(await page.locator('#install .improv-status').textContent(), /unable to connect/);
  await page.locator('#install #ewt-password').fill('secret');
  await page.locator('#install form.wifi button').click();
  await page.locator('#install [data-improv=provisioned]').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('#install a.visit').getAttribute('href'), 'http://lamp.local/');
  assert.match(await page.locator('#install a.ha').getAttribute('href'), /config_flow_start\/\?domain=esphome$/);
  assert.deepEqual(problems, []);
  await context.close();
});
