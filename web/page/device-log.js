// The device log: esptool's lines as the core prints them, what the chip itself printed (marked
// apart), the optional protocol trace, and errors; with copy, download and clear.
import { h } from './dom.js';

// A 4 MiB read at 115200 logs a few thousand progress lines; keep the page light.
const kMaxLines = 5000;

export class DeviceLog {
  constructor({ pre, copy, download, clear }) {
    this.pre = pre;
    this.lines = []; // {text, kind}
    copy.addEventListener('click', () => navigator.clipboard?.writeText(this.text()));
    download.addEventListener('click', () => this.download());
    clear.addEventListener('click', () => this.clear());
  }

  /** kind: 'esptool' (default), 'device' (the chip's own output), 'trace', 'error', 'note'. */
  add(text, kind = 'esptool') {
    this.lines.push({ text, kind });
    const line = h('span', { class: `log-${kind}` }, kind === 'device' ? `│ ${text}` : text, '\n');
    this.pre.append(line);
    if (this.lines.length > kMaxLines) {
      this.lines.shift();
      this.pre.firstChild?.remove();
    }
    this.pre.scrollTop = this.pre.scrollHeight;
  }

  /** Progress lines replace the previous progress line of the same stage, as a terminal shows them. */
  progress(text) {
    const last = this.pre.lastChild;
    if (last?.classList.contains('log-progress')) {
      last.textContent = `${text}\n`;
      this.lines[this.lines.length - 1].text = text;
      return;
    }
    this.lines.push({ text, kind: 'progress' });
    this.pre.append(h('span', { class: 'log-progress' }, text, '\n'));
    this.pre.scrollTop = this.pre.scrollHeight;
  }

  /** Ends the current progress line so the next one starts a new line. */
  endProgress() {
    this.pre.lastChild?.classList.remove('log-progress');
  }

  text() {
    return this.lines.map((l) => (l.kind === 'device' ? `| ${l.text}` : l.text)).join('\n');
  }

  download() {
    const url = URL.createObjectURL(new Blob([`${this.text()}\n`], { type: 'text/plain' }));
    const a = h('a', { href: url, download: 'esptool-log.txt' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  clear() {
    this.lines = [];
    this.pre.replaceChildren();
  }
}
