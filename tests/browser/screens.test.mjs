// A 360 px screenshot of each main screen (the Device tab connected to the virtual ESP32 with
// its console running, Image info, ELF -> image, Merge binaries) into build/screenshots/, each
// checked for sideways scrolling, and the console card reached and used by keyboard alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, root, startServer } from './support.mjs';

const shots = join(root, 'build/screenshots');
let server;
let session;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  session = await openPage(server.url);
  await session.page.setViewportSize({ width: 360, height: 800 });
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
});

async function noSideways(name) {
  const overflow = await session.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name}: ${overflow} px of sideways scrolling at 360 px`);
}

test('the Device tab at 360 px, connected, with the monitor started from the keyboard', async () => {
  const { page } = session;
  await page.$eval('#dev-settings', (d) => (d.open = true));
  await page.setChecked('#dev-virtual-fast', true);
  await page.focus('#dev-virtual');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-device=ready]', { timeout: 30000 });
  await page.focus('#con-monitor');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-monitor=on]', { timeout: 10000 });
  await page.focus('#con-input');
  await page.keyboard.type('hello');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#con-input'), '');
  await page.screenshot({ path: join(shots, 'screen-device-360.png'), fullPage: true });
  await page.locator('.console-card').screenshot({ path: join(shots, 'screen-console-card-360.png') });
  await noSideways('Device');
});

for (const [tab, name] of [['#tab-info', 'image-info'], ['#tab-elf', 'elf2image'], ['#tab-merge', 'merge']]) {
  test(`${name} at 360 px`, async () => {
    const { page } = session;
    await page.click(tab);
    await page.screenshot({ path: join(shots, `screen-${name}-360.png`), fullPage: true });
    await noSideways(name);
  });
}
