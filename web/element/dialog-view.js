// DOM pieces of the install dialog: an element builder, the chip summary, the flash map (what
// goes where against the detected flash size), progress text (bytes, rate, time left) and the
// log. Widths are set through CSSOM, never style attributes, so a strict CSP page renders it.

/** h('p', {class: 'x'}, 'text', child...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export const hex = (n, width = 5) => `0x${n.toString(16).padStart(width, '0')}`;

export function sizeText(bytes) {
  // No-break spaces: "4 MB" never wraps between number and unit.
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)}\u00a0MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)}\u00a0KB`;
  return `${bytes}\u00a0B`;
}

export function timeText(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

/** The chip line: "ESP32-S3 (QFN56) (revision v0.2) · 8 MB flash · MAC 7c:df:…". */
export function chipSummary(facts) {
  const parts = [facts.description ?? facts.chip ?? 'Unknown chip'];
  if (facts.flash_size_bytes) parts.push(`${sizeText(facts.flash_size_bytes)} flash`);
  if (facts.mac) parts.push(`MAC ${facts.mac}`);
  return parts.join(' · ');
}

/** A bar per part on a strip as long as the flash, and a table of the same facts. */
export function flashMap(files, flashSize) {
  const end = Math.max(flashSize ?? 0, ...files.map((f) => f.offset + f.data.length));
  const strip = h('div', { class: 'map', role: 'img', 'aria-label': `Flash map of ${sizeText(end)}` });
  for (const [i, f] of files.entries()) {
    const bar = h('span', { class: `part part-${i % 4}`, title: `${f.name} @ ${hex(f.offset)}` });
    // Tiny parts stay visible: at least 0.6 % of the strip.
    bar.style.left = `${(f.offset / end) * 100}%`;
    bar.style.width = `${Math.max(0.6, (f.data.length / end) * 100)}%`;
    strip.append(bar);
  }
  const rows = files.map((f, i) =>
    h('tr', {}, h('td', {}, h('span', { class: `swatch part-${i % 4}` }), f.name), h('td', { class: 'mono' }, hex(f.offset)), h('td', {}, sizeText(f.data.length))),
  );
  const table = h('table', { class: 'parts' }, h('thead', {}, h('tr', {}, h('th', {}, 'Part'), h('th', {}, 'Offset'), h('th', {}, 'Size'))), h('tbody', {}, rows));
  return h('div', { class: 'flash' }, strip, table);
}

/** Progress with bytes, rate and time left, from ESP Web Tools' writing details. */
export class ProgressView {
  constructor() {
    this.bar = h('progress', { max: 100, value: 0, 'aria-label': 'Install progress' });
    this.text = h('p', { class: 'progress-text', 'aria-live': 'polite' }, 'Starting…');
    this.el = h('div', { class: 'progress' }, this.bar, this.text);
    this.startedAt = null;
  }

  writing({ bytesTotal, bytesWritten, percentage }) {
    this.startedAt ??= performance.now();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const rate = seconds > 0.2 ? bytesWritten / seconds : 0;
    const left = rate > 0 ? (bytesTotal - bytesWritten) / rate : NaN;
    this.bar.value = percentage;
    this.text.textContent = `Writing: ${sizeText(bytesWritten)} of ${sizeText(bytesTotal)} (${percentage} %)` + (rate ? ` · ${sizeText(rate)}/s · ${timeText(left)} left` : '');
  }

  say(text, value) {
    if (value !== undefined) this.bar.value = value;
    this.text.textContent = text;
  }
}

/** The log: esptool's lines, and the chip's own output marked as such. */
export class LogView {
  constructor(label = 'Log') {
    this.pre = h('pre', { class: 'log', tabindex: 0, 'aria-label': label });
    this.el = h('details', { class: 'log-box', open: true }, h('summary', {}, label), this.pre);
  }

  line(text, fromDevice = false) {
    this.pre.append(fromDevice ? h('span', { class: 'device' }, `│ ${text}\n`) : `${text}\n`);
    this.pre.scrollTop = this.pre.scrollHeight;
  }

  text(chunk) {
    this.pre.append(chunk);
    this.pre.scrollTop = this.pre.scrollHeight;
  }
}
