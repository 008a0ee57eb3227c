// What the page loads before a user flashes (issue 10): the offline tools' panels, the Read and
// erase card and the report are fetched when first used, not with the Device tab. Once the page
// is ready, every further chunk is answered late on purpose, so what a user does before a
// panel's code has arrived (a file chosen or dropped, a button pressed) is seen to be done
// once it has, and each panel works after loading lazily.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { download, dropFiles, makeFixtures, openPage, startServer } from './support.mjs';

let fx;
let server;
let session;
let atReady;

const kLate = 400; // ms a lazily loaded file is held back
const jsFiles = (urls) => new Set(urls.filter((u) => u.startsWith(server.origin) && u.endsWith('.js')).map((u) => new URL(u).pathname));

before(async () => {
  fx = makeFixtures();
  server = await startServer();
  // No service worker: its precache would fetch every file at once.
  session = await openPage(server.url, { contextOptions: { serviceWorkers: 'block' } });
  atReady = jsFiles(session.pageRequests);
  await session.page.route(/\/page\/chunk-[^/]*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, kLate));
    await route.continue();
  });
});

after(async () => {
  await session?.browser.close();
  await server?.stop();
  fx?.cleanup();
});

/**
 * Runs `act` and returns the page's chunks it fetched for the first time (not a Worker's entry:
 * the offline tools' Worker starts on the first tool call either way).
 */
async function fetchedBy(act) {
  const known = jsFiles(session.pageRequests);
  await act();
  return [...jsFiles(session.pageRequests)].filter((f) => !known.has(f) && f.startsWith('/page/chunk-'));
}

test('the page is ready with the Device tab code only; Image info loads on its tab, and a file chosen at once is read', async () => {
  const { page } = session;
  assert.ok(atReady.has('/page/main.js'));
  const fetched = await fetchedBy(async () => {
    await page.click('#tab-info');
    await page.setInputFiles('#info-file', fx.path('boot_esp32.bin')); // before its code has arrived
    await page.waitForSelector('#info-result [data-verdict=checksum].valid', { timeout: 20000 });
  });
  assert.ok(fetched.length > 0, 'the Image info panel was loaded with the page');
  assert.ok(fetched.every((f) => !atReady.has(f)));
});

test('the other offline tabs work after loading lazily (a dropped file, a send to the Flash card)', async () => {
  const { page } = session;
  await page.focus('#tab-info');
  await page.keyboard.press('ArrowRight'); // the tabs still follow the keyboard
  assert.equal(await page.getAttribute('#tab-elf', 'aria-selected'), 'true');
  await page.selectOption('#elf-chip', 'esp32');
  await page.setInputFiles('#elf-file', fx.path('esp32_app.elf'));
  const image = await download(page, page.locator('#elf-result a.download').first());
  assert.equal(image.bytes[0], 0xe9);

  await page.click('#tab-merge');
  await dropFiles(page, '[data-drop=merge]', [{ name: 'partitions.bin', bytes: fx.bytes('partitions.bin') }]);
  await page.waitForSelector('#merge-table tr[data-name="partitions.bin"]');
  await page.fill('#merge-table tr[data-name="partitions.bin"] input', '0x8000');
  await page.selectOption('#merge-chip', 'esp32');
  await page.click('#merge-run');
  await page.getByRole('button', { name: 'Send to Flash' }).click();
  assert.ok(await page.isVisible('#panel-device'));
  assert.equal(await page.inputValue('#dev-table tr[data-name="merged.bin"] input'), '0x0'); // the target offset
});

test('the Read and erase card and the report load when used; a press before their code arrives counts', async () => {
  const { page } = session;
  await page.click('#dev-virtual');
  await page.waitForSelector('body[data-device=ready]', { timeout: 60000 });
  // Both come in one file (device-extras.js): the first used loads it. A click straight on the
  // button (no pointer over the card first) while that file is held back.
  const fetched = await fetchedBy(async () => {
    await page.$eval('#dev-read', (button) => button.click());
    await page.waitForSelector('#dev-read-result a.download', { timeout: 30000 });
  });
  assert.ok(fetched.length > 0, 'the Read and erase card was loaded with the page');
  const { name, bytes } = await download(page, page.locator('#dev-report'));
  assert.equal(name, 'esptool-report.txt');
  assert.match(bytes.toString(), /esptool/);
});

test('opened on an offline tab (#merge), the page is ready once that panel is', async () => {
  const deep = await openPage(`${server.url}#merge`, { contextOptions: { serviceWorkers: 'block' } });
  try {
    assert.ok(await deep.page.isVisible('#panel-merge'));
    // The panel's setup fills the chip list; it is there as soon as the page says it is ready.
    assert.ok((await deep.page.$$eval('#merge-chip option', (o) => o.length)) > 1);
    assert.ok(jsFiles(deep.pageRequests).size > atReady.size, 'the merge panel came with the ready page');
  } finally {
    await deep.browser.close();
  }
});
