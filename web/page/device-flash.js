// The Flash card: files at offsets (dropped, picked, or named by an ESP-IDF flash_args /
// flasher_args.json), flash settings, the flash map against the detected flash size, the core's
// refusals (overlap, past the end, bootloader offset) before anything is written, progress per
// file and overall, Cancel, and what was and was not written when it stops.
import * as esptool from '../src/index.js';
import { readBuildFolder } from './build-folder.js';
import { attachDropZone, pickedFolderLookup } from './drop-zone.js';
import { h, show } from './dom.js';
import { renderFlashMap } from './flash-map.js';
import { FileList } from './merge-files.js';
import { fillFlashSelects, chipByKey } from './options.js';
import { FlashProgress } from './device-progress.js';

const $ = (id) => document.getElementById(id);

export class FlashPanel {
  /** `session`: DeviceSession; `target()`: {chip, flashSize} of the connected chip (or nulls). */
  constructor(facts, session, target) {
    Object.assign(this, { facts, session, target });
    this.files = new FileList(
      { tbody: document.querySelector('#dev-table tbody'), empty: $('dev-empty'), note: $('dev-args-note') },
      { onChange: () => this.update(), onArgs: (parsed) => this.applyArgs(parsed), verb: 'flash' },
    );
    attachDropZone(document.querySelector('[data-drop=device]'), (files) => this.files.add(files), {
      onFolder: (lookup, name) => this.addFolder(lookup, name),
    });
    $('dev-folder').addEventListener('change', (event) => {
      const { lookup, name } = pickedFolderLookup(event.target.files);
      this.addFolder(lookup, name);
      event.target.value = '';
    });
    this.fillSettings(null);
    $('dev-flash-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.flash();
    });
    $('dev-verify-files').addEventListener('click', () => this.verify());
    $('dev-cancel').addEventListener('click', () => session.cancel());
    this.progress = new FlashProgress($('dev-progress'));
    this.problem = '';
    this.update();
  }

  fillSettings(chipKey) {
    const chip = chipByKey(this.facts.chips, chipKey);
    const selects = { mode: $('dev-flash-mode'), freq: $('dev-flash-freq'), size: $('dev-flash-size') };
    fillFlashSelects(selects, chip, this.facts.flashModes, { defaultLabel: 'keep' });
    $('dev-flash-size').append(h('option', { value: 'detect' }, 'detect'));
  }

  /** A build's flash_args set the chip's flash settings, as esptool would use them. */
  applyArgs(parsed) {
    for (const [id, value] of [['dev-flash-mode', parsed.flashMode], ['dev-flash-freq', parsed.flashFreq], ['dev-flash-size', parsed.flashSize]]) {
      if (value && [...$(id).options].some((o) => o.value === value)) $(id).value = value;
    }
  }

  /** An ESP-IDF build folder: the files its flasher_args.json / flash_args name, at their offsets. */
  async addFolder(lookup, name) {
    const note = $('dev-args-note');
    try {
      const found = await readBuildFolder(lookup, esptool.parseIdfBuildArgs);
      if (!found) throw new Error(`${name} has no flasher_args.json or flash_args: pick the build folder of an ESP-IDF project`);
      await this.files.add(found.files);
      note.textContent = `Imported ${found.files.length - 1} files from the build folder ${name}.`;
      note.classList.remove('error');
      if (found.missing.length) {
        note.textContent = `${name}: missing ${found.missing.join(', ')}. Build the project, or drop those files.`;
        note.classList.add('error');
        note.hidden = false;
      }
    } catch (error) {
      note.textContent = error.message;
      note.classList.add('error');
      note.hidden = false;
    }
  }

  /** Adds files from elsewhere on the page (a merged or converted image). */
  addFiles(files) {
    this.files.add(files);
  }

  /** The connected chip changed: its flash sizes and frequencies, its layout rules. */
  chipChanged() {
    const { chip } = this.target();
    const keep = ['dev-flash-mode', 'dev-flash-freq', 'dev-flash-size'].map((id) => $(id).value);
    this.fillSettings(chip);
    ['dev-flash-mode', 'dev-flash-freq', 'dev-flash-size'].forEach((id, i) => {
      if ([...$(id).options].some((o) => o.value === keep[i])) $(id).value = keep[i];
    });
    this.update();
  }

  entries() {
    return this.files.ready().map((e) => ({ name: e.name, offset: e.offset, data: e.bytes }));
  }

  // Redraws the map and asks the core whether this layout may be written to this chip.
  async update() {
    const { chip, flashSize } = this.target();
    const ready = this.files.ready();
    renderFlashMap($('dev-map'), ready.map((e) => ({ name: e.name, offset: e.offset, size: e.bytes.length, colour: e.row })), {
      fillSize: flashSize,
    });
    const generation = (this.generation = (this.generation ?? 0) + 1);
    let problem = this.files.missing();
    if (!problem) {
      problem = await esptool
        .checkFlashLayout(this.entries(), { chip: chip ?? '', flashSize: flashSize ?? null })
        .then(() => '')
        .catch((error) => error.message);
    }
    if (generation !== this.generation) return; // a newer edit is being checked
    this.problem = problem;
    const blocking = problem && this.files.entries.length > 0;
    $('dev-problem').hidden = !blocking;
    $('dev-problem').textContent = blocking ? problem : '';
    this.refreshButtons();
  }

  refreshButtons() {
    const { connected, busy } = this.session;
    const why = !connected ? 'Connect to a chip first.' : this.problem;
    $('dev-flash').disabled = Boolean(!connected || busy || this.problem);
    $('dev-verify-files').disabled = Boolean(!connected || busy || this.problem);
    $('dev-cancel').disabled = !busy;
    $('dev-flash-why').textContent = busy ? '' : why;
  }

  options() {
    const value = (id) => $(id).value || 'keep';
    return {
      flashMode: value('dev-flash-mode'),
      flashFreq: value('dev-flash-freq'),
      flashSize: value('dev-flash-size'),
      eraseAll: $('dev-erase-all').checked,
      compress: $('dev-compress').checked,
      verify: $('dev-verify').checked,
      skipUnchanged: $('dev-skip').checked,
    };
  }

  async flash() {
    const files = this.entries();
    const { chip, flashSize } = this.target();
    // Checked again here: nothing is sent to the chip before the layout is accepted.
    try {
      await esptool.checkFlashLayout(files, { chip: chip ?? '', flashSize: flashSize ?? null });
    } catch (error) {
      this.progress.failed(error, []);
      return;
    }
    this.progress.start(files, { verify: $('dev-verify').checked });
    try {
      await this.session.run('Flash', (device, options) => device.writeFlash(files, { ...options, ...this.options() }), {
        onProgress: (event) => this.progress.update(event),
      });
      this.progress.done();
    } catch (error) {
      this.progress.failed(error);
    }
  }

  async verify() {
    const files = this.entries();
    this.progress.start(files, { verify: true, verifyOnly: true });
    try {
      await this.session.run('Verify', (device, options) => device.verifyFlash(files, options), {
        onProgress: (event) => this.progress.update(event),
      });
      this.progress.verified();
    } catch (error) {
      this.progress.failed(error);
    }
  }
}

export function flashCardMessage(text) {
  show($('dev-progress'), h('p', { class: 'hint' }, text));
}
