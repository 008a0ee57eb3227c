// Page entry: tab switching, loading the esptool module once, and starting the three panels.
// A later device panel becomes one more tab and one more module started here.
import * as api from './api.js';
import { guardWindowDrops } from './drop-zone.js';
import { errorBox, show } from './dom.js';
import { initImageInfo } from './image-info.js';
import { initElf2Image } from './elf2image.js';
import { initMerge } from './merge.js';

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
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab, false));
    // WAI-ARIA tabs pattern: arrows move between tabs, Home/End jump to the ends.
    tab.addEventListener('keydown', (event) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
  });
  const wanted = document.getElementById(`tab-${location.hash.slice(1)}`);
  if (wanted) select(wanted, false);
}

async function start() {
  initTabs();
  guardWindowDrops();
  const status = document.getElementById('load-status');
  try {
    const facts = await api.load();
    document.getElementById('version').textContent =
      `esptool-wasm ${facts.version} (esptool.py ${facts.esptoolVersion})`;
    initImageInfo(facts);
    initElf2Image(facts);
    initMerge(facts);
    status.textContent = '';
    document.body.dataset.ready = 'true';
  } catch (error) {
    status.classList.add('error');
    show(status, errorBox(error));
  }
}

start();
