// Progress of a write or verify, per file and overall: stage, bytes, rate and time left, from the
// core's progress events (stage, done, total, offset). At the end it says what was written and
// verified; when a write stops early (error, Cancel, unplug) it says what was and was not.
import { errorBox, h, hex, show, sizeText } from './dom.js';

const STAGES = {
  upload: 'uploading the flasher stub',
  compare: 'comparing with the flash',
  write: 'writing',
  verify: 'verifying',
  verified: 'verified',
};

const short = (n) => sizeText(n).replace(/ \(.*\)$/, '');

function timeText(seconds) {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

export class FlashProgress {
  constructor(box) {
    this.box = box;
    this.files = [];
  }

  /** files: [{name, offset, data}] */
  start(files, { verify, verifyOnly = false }) {
    this.verify = verify;
    this.verifyOnly = verifyOnly;
    this.startedAt = performance.now();
    this.files = files.map((f) => ({ ...f, size: f.data.length, written: 0, stage: 'waiting', verified: false }));
    this.total = this.files.reduce((n, f) => n + f.size, 0);
    this.overall = h('progress', { max: 1, value: 0, 'aria-label': 'Overall progress' });
    this.summary = h('p', { class: 'progress-summary' });
    this.rows = this.files.map((f) => {
      const bar = h('progress', { max: 1, value: 0, 'aria-label': `Progress of ${f.name}` });
      const stage = h('span', { class: 'stage' }, 'waiting');
      const bytes = h('span', { class: 'bytes' }, `0 / ${short(f.size)}`);
      const row = h('li', { 'data-name': f.name }, h('span', { class: 'name' }, `${f.name} @ ${hex(f.offset)}`), bar, stage, bytes);
      return { row, bar, stage, bytes };
    });
    show(this.box, h('div', { class: 'overall' }, this.overall, this.summary), h('ul', { class: 'file-progress' }, this.rows.map((r) => r.row)));
    this.box.dataset.state = 'running';
    this.render();
  }

  fileAt(offset) {
    return this.files.findIndex((f) => offset >= f.offset && offset < f.offset + Math.max(1, f.size));
  }

  update(event) {
    if (event.stage === 'upload' || event.stage === 'read') {
      this.stage = STAGES[event.stage] ?? event.stage;
      this.render();
      return;
    }
    const i = this.fileAt(event.offset);
    if (i < 0) return;
    const f = this.files[i];
    this.stage = null;
    f.stage = event.stage;
    if (event.stage === 'write') f.written = Math.max(f.written, Math.min(f.size, event.offset - f.offset + event.done));
    if (event.stage === 'verified') {
      f.verified = true;
      f.written = f.size;
    }
    this.render();
  }

  render() {
    const elapsed = (performance.now() - this.startedAt) / 1000;
    const done = this.files.reduce((n, f) => n + (f.verified ? f.size : f.written), 0);
    const rate = elapsed > 0.2 ? done / elapsed : 0;
    this.overall.value = this.total ? done / this.total : 0;
    const left = rate > 0 ? (this.total - done) / rate : Infinity;
    const stage = this.stage ? ` · ${this.stage}` : '';
    this.summary.textContent = `${short(done)} of ${short(this.total)} · ${rate ? `${short(rate)}/s` : '—'} · ${timeText(left)} left${stage}`;
    this.files.forEach((f, i) => {
      const r = this.rows[i];
      r.bar.value = f.size ? (f.verified ? 1 : f.written / f.size) : 1;
      r.stage.textContent = STAGES[f.stage] ?? f.stage;
      r.bytes.textContent = `${short(f.verified ? f.size : f.written)} / ${short(f.size)}`;
      r.row.dataset.stage = f.stage;
    });
  }

  done() {
    for (const f of this.files) if (!this.verify) f.stage = 'written';
    this.render();
    const seconds = ((performance.now() - this.startedAt) / 1000).toFixed(1);
    const verb = this.verify ? 'written and verified' : 'written (not verified)';
    this.finish('ok', `Done: ${this.files.length} file${this.files.length === 1 ? '' : 's'} ${verb} in ${seconds} s.`);
  }

  verified() {
    for (const f of this.files) {
      f.verified = true;
      f.stage = 'verified';
    }
    this.render();
    this.finish('ok', 'Verify OK: the flash holds every file.');
  }

  /** The write stopped: the error, then per file what is in flash now. */
  failed(error, files = this.files) {
    const lines = this.verifyOnly ? [] : files.map((f) => `${f.name} @ ${hex(f.offset)}: ${this.fileState(f)}`);
    if (this.box.dataset.state !== 'running') show(this.box);
    this.box.dataset.state = error?.name === 'cancelled' ? 'cancelled' : 'failed';
    this.box.append(errorBox(error));
    if (lines.length) this.box.append(h('ul', { class: 'written-report' }, lines.map((l) => h('li', {}, l))));
  }

  fileState(f) {
    // Only a verified file is known to be in flash: what was sent may not all have been written.
    if (f.verified) return 'written and verified';
    if (!this.verify && f.stage === 'written') return 'written (not verified)';
    if (f.written >= f.size && f.size > 0) return 'sent but not verified: flash it again';
    if (f.written > 0) return `partly written (${short(f.written)} of ${short(f.size)} sent): flash it again`;
    return 'not written';
  }

  finish(state, text) {
    this.box.dataset.state = state;
    this.box.append(h('p', { class: 'ok-line' }, text));
  }
}
