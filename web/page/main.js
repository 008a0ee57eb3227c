// Page entry: tab switching, loading the esptool module once, and starting the panels: the
// device (first tab) at once, each offline tool when its tab is first chosen (or looked at: the
// pointer on its tab), so a visit that only flashes never fetches their code.
import * as api from './api.js';
import { guardWindowDrops } from './drop-zone.js';
import { errorBox, show } from './dom.js';
import { initDevice } from './device.js';
import { loadOnUse } from './lazy.js';
import { kFlashFilesEvent } from './send-to-flash.js';

const facts = api.load();
// Tab id -> load() of its panel (started once; resolves when the panel is set up).
const $ = (id) => document.getElementById(id);
const tools = () => import('./offline-tools.js');
const panels = {
  'tab-info': loadOnUse($('panel-info'), async () => (await tools()).initImageInfo(await facts)),
  'tab-elf': loadOnUse($('panel-elf'), async () => (await tools()).initElf2Image(await facts)),
  'tab-merge': loadOnUse($('panel-merge'), async () => (await tools()).initMerge(await facts)),
};
let shown = null; // load() of the offline panel the page opened on, if any

function initTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) tab.focus();
    history.replaceState(null, '', `#${tab.id.replace(/^tab-/, '')}`);
    return panels[tab.id]?.().catch(() => {});
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('pointerover', () => panels[tab.id]?.().catch(() => {}));
    // WAI-ARIA tabs pattern: arrows move between tabs, Home/End jump to the ends.
    tab.addEventListener('keydown', (event) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
  });
  const wanted = document.getElementById(`tab-${location.hash.slice(1)}`);
  if (wanted) shown = select(wanted, false);
}

async function start() {
  initTabs();
  guardWindowDrops();
  const status = document.getElementById('load-status');
  try {
    const { version, esptoolVersion } = await facts;
    document.getElementById('version').textContent = `esptool-wasm ${version} (esptool.py ${esptoolVersion})`;
    const device = initDevice(await facts);
    document.addEventListener(kFlashFilesEvent, (event) => device.addFilesToFlash(event.detail.files));
    // Opened on an offline tool's tab (#info, #elf, #merge): ready once that panel is.
    await shown;
    status.textContent = '';
    document.body.dataset.ready = 'true';
    registerOffline();
  } catch (error) {
    status.classList.add('error');
    show(status, errorBox(error));
  }
}

// Offline use and installing: sw.js caches everything the page loads (the build puts it at the top
// of the static folder, so its scope covers the bundled page and its Workers, and dist/). A page opened from
// a file or an insecure origin has no service worker; it then works online only.
function registerOffline() {
  if (!('serviceWorker' in navigator) || !globalThis.isSecureContext) return;
  navigator.serviceWorker
    .register(new URL('../sw.js', import.meta.url), { scope: new URL('../', import.meta.url).pathname })
    .then(() => navigator.serviceWorker.ready)
    .then(() => (document.body.dataset.offline = 'ready'))
    .catch((error) => (document.body.dataset.offline = `unavailable: ${error.message}`));
}

start();
