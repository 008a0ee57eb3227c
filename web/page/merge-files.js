// The merge panel's file list: files with editable flash offsets, filled from dropped .bin files
// and from ESP-IDF flash_args / flasher_args.json (parsed by the core), whose referenced files
// the user then drops or picks. Rows that still miss their bytes say so.
import * as api from './api.js';
import { readFiles } from './drop-zone.js';
import { h, sizeText } from './dom.js';

/** Parses an offset typed by the user ("0x1000" or "4096"); NaN when it is not one. */
export function parseOffset(text) {
  const t = String(text).trim();
  if (/^0x[0-9a-f]+$/i.test(t) || /^\d+$/.test(t)) return Number(t);
  return NaN;
}

// An empty offset is still to be typed, not wrong.
const isBad = (text) => text.trim() !== '' && Number.isNaN(parseOffset(text));
const offsetText = (n) => `0x${n.toString(16)}`;
const baseName = (path) => path.split(/[\\/]/).pop();
// ESP-IDF names these files flash_args, flash_app_args, ..., flasher_args.json.
const isArgsFile = (name) => /\.json$/i.test(name) || /(^|[_-])args$/i.test(name);

export class FileList {
  /** `onChange()` runs after every edit; `onArgs(parsed)` after a flash_args import. */
  constructor({ tbody, empty, note }, { onChange, onArgs, verb = 'merge' }) {
    Object.assign(this, { tbody, empty, note, onChange, onArgs, verb });
    this.entries = []; // {name, path, bytes|null, offset: string as typed}
  }

  /**
   * Adds dropped/chosen files [{name, bytes, offset?}]: args files are parsed, others fill a
   * waiting row or add one (at `offset` when the caller knows it).
   */
  async add(files) {
    const args = files.filter((f) => isArgsFile(f.name));
    const bins = files.filter((f) => !isArgsFile(f.name));
    for (const file of args) await this.importArgs(file);
    for (const file of bins) {
      const waiting = this.entries.find((e) => !e.bytes && baseName(e.path ?? e.name) === file.name);
      if (waiting) waiting.bytes = file.bytes;
      else this.entries.push({ name: file.name, path: null, bytes: file.bytes, offset: file.offset === undefined ? '' : offsetText(file.offset) });
    }
    this.render();
  }

  async importArgs(file) {
    try {
      const parsed = await api.parseIdfBuildArgs(new TextDecoder().decode(file.bytes));
      for (const f of parsed.files) {
        const name = baseName(f.path);
        const existing = this.entries.find((e) => e.name === name);
        if (existing) existing.offset = offsetText(f.offset);
        else this.entries.push({ name, path: f.path, bytes: null, offset: offsetText(f.offset) });
      }
      this.note.textContent = `Imported ${parsed.files.length} files from ${file.name}. Drop or choose the files it names.`;
      this.note.hidden = false;
      this.note.classList.remove('error');
      this.onArgs(parsed);
    } catch (error) {
      this.note.textContent = `${file.name}: ${error.message}`;
      this.note.hidden = false;
      this.note.classList.add('error');
    }
  }

  /** Entries ready to merge and draw: [{name, offset, bytes, row}] (rows with bad offsets or no bytes left out). */
  ready() {
    return this.entries
      .map((e, row) => ({ name: e.name, offset: parseOffset(e.offset), bytes: e.bytes, row }))
      .filter((e) => e.bytes && !Number.isNaN(e.offset));
  }

  /** What still stops a merge, as a sentence for the user; '' when every row is ready. */
  missing() {
    if (this.entries.length === 0) return `Add the files to ${this.verb}.`;
    if (this.entries.some((e) => !e.bytes)) return 'Some files named by the build args are still missing.';
    if (this.ready().length !== this.entries.length) return 'Give every file a flash offset (e.g. 0x10000).';
    return '';
  }

  render() {
    this.empty.hidden = this.entries.length > 0;
    this.tbody.replaceChildren(...this.entries.map((entry, i) => this.row(entry, i)));
    this.onChange();
  }

  row(entry, index) {
    const offset = h('input', {
      value: entry.offset, spellcheck: 'false', placeholder: '0x…', 'aria-label': `Offset of ${entry.name}`,
      required: true,
      'aria-invalid': String(isBad(entry.offset)),
      oninput: (event) => {
        entry.offset = event.target.value;
        event.target.setAttribute('aria-invalid', String(isBad(entry.offset)));
        this.onChange();
      },
    });
    const remove = h('button', {
      type: 'button', class: 'icon', 'aria-label': `Remove ${entry.name}`, title: 'Remove',
      onclick: () => {
        this.entries.splice(index, 1);
        this.render();
      },
    }, '✕');
    return h('tr', { 'data-name': entry.name },
      h('td', {}, offset),
      h('td', { class: 'name' }, entry.name, entry.bytes ? null : this.picker(entry)),
      h('td', { class: 'num' }, entry.bytes ? sizeText(entry.bytes.length).replace(/ \(.*\)$/, '') : '—'),
      h('td', {}, remove));
  }

  // A row whose file is still missing gets its own picker (keyboard reachable).
  picker(entry) {
    const input = h('input', {
      type: 'file', class: 'visually-hidden',
      onchange: async (event) => {
        const [file] = await readFiles(event.target.files);
        if (!file) return;
        entry.bytes = file.bytes;
        this.render();
      },
    });
    return h('label', { class: 'missing' }, input, ` missing: choose ${entry.path ?? 'file'}`);
  }
}
