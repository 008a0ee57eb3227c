// The console panel: what the chip itself prints (boot log, app output), live. Lines come whole
// from esptool commands (the core's device-output log lines) or as raw bytes from the serial
// monitor (decoded as UTF-8 across chunks, split at newlines, the unfinished line shown as it
// grows). ESP-IDF's ANSI colours are kept; pause holds new lines back, timestamps mark arrival.
import { h } from './dom.js';
import { ansiRuns, initialStyle, stripAnsi } from './ansi.js';

// A monitor left running for hours must not grow the page without bound.
const kMaxLines = 5000;

const stamp = (t) => new Date(t).toISOString().slice(11, 23);

export class ConsolePanel {
  constructor(pre) {
    this.pre = pre;
    this.lines = []; // {text, time, source}: text with its ANSI codes, source 'command' | 'monitor'
    this.held = []; // lines that arrived while paused
    this.paused = false;
    this.timestamps = false;
    this.style = initialStyle();
    this.decoder = new TextDecoder('utf-8');
    this.partial = ''; // monitor text after the last newline
    this.partialEl = null;
  }

  /** A whole line the chip printed while an esptool command ran. */
  addLine(text, source = 'command') {
    this.flushPartial();
    this.push({ text, time: Date.now(), source });
  }

  /** Raw bytes from the monitor (any chunking; UTF-8 sequences may be split). */
  addBytes(bytes) {
    const text = this.partial + this.decoder.decode(bytes, { stream: true });
    const parts = text.split('\n');
    this.partial = parts.pop();
    for (const part of parts) this.push({ text: part.replace(/\r$/, ''), time: Date.now(), source: 'monitor' });
    this.showPartial();
  }

  // The unfinished monitor line becomes a line of its own (a command starts printing).
  flushPartial() {
    if (!this.partial) return;
    const text = this.partial;
    this.partial = '';
    this.showPartial();
    this.push({ text: text.replace(/\r$/, ''), time: Date.now(), source: 'monitor' });
  }

  push(line) {
    if (this.paused) {
      this.held.push(line);
      if (this.held.length > kMaxLines) this.held.shift();
      return;
    }
    this.lines.push(line);
    this.pre.insertBefore(this.render(line), this.partialEl);
    if (this.lines.length > kMaxLines) {
      this.lines.shift();
      this.pre.firstChild?.remove();
    }
    this.scroll();
  }

  render(line) {
    const el = h('span', { class: `con-line con-${line.source}` });
    if (this.timestamps) el.append(h('span', { class: 'con-time' }, `${stamp(line.time)} `));
    for (const run of ansiRuns(line.text, this.style)) {
      const cls = [run.fg ? `ansi-${run.fg}` : '', run.bold ? 'ansi-bold' : ''].filter(Boolean).join(' ');
      el.append(cls ? h('span', { class: cls }, run.text) : run.text);
    }
    el.append('\n');
    return el;
  }

  showPartial() {
    if (this.paused) return;
    if (!this.partial) {
      this.partialEl?.remove();
      this.partialEl = null;
      return;
    }
    if (!this.partialEl) {
      this.partialEl = h('span', { class: 'con-line con-partial' });
      this.pre.append(this.partialEl);
    }
    const style = { ...this.style }; // the line is drawn again when it grows: do not advance
    this.partialEl.replaceChildren(...ansiRuns(this.partial, style).map((r) => r.text));
    this.scroll();
  }

  scroll() {
    this.pre.scrollTop = this.pre.scrollHeight;
  }

  setPaused(paused) {
    this.paused = paused;
    if (paused) return;
    const held = this.held;
    this.held = [];
    for (const line of held) this.push(line);
    this.showPartial();
  }

  /** Redraws every line with or without arrival times. */
  setTimestamps(on) {
    this.timestamps = on;
    this.style = initialStyle();
    this.partialEl = null;
    this.pre.replaceChildren(...this.lines.map((l) => this.render(l)));
    this.showPartial();
  }

  clear() {
    this.lines = [];
    this.held = [];
    this.partial = '';
    this.partialEl = null;
    this.style = initialStyle();
    this.pre.replaceChildren();
  }

  /** Plain text of what was received (ANSI codes removed), with times when they are shown. */
  text() {
    const all = [...this.lines, ...this.held];
    const lines = all.map((l) => (this.timestamps ? `${stamp(l.time)} ` : '') + stripAnsi(l.text));
    if (this.partial) lines.push(stripAnsi(this.partial));
    return lines.join('\n');
  }
}
