// ANSI SGR colours as ESP-IDF's log macros print them ("\x1b[0;32mI (12) tag: ...\x1b[0m"):
// text -> runs of {text, fg, bold}. Other escape sequences (cursor moves, erase) are dropped, as
// a log view has no cursor. Colours are class names; page.css picks AA-contrast shades.

// CSI: ESC [ parameters final-byte (ECMA-48 §5.4).
const kCsi = /\x1b\[([0-9;?]*)([@-~])/g;

/** Style state carried from one chunk of text to the next: {fg: 30..37 | 90..97 | null, bold}. */
export function initialStyle() {
  return { fg: null, bold: false };
}

function applySgr(style, params) {
  const codes = params === '' ? [0] : params.split(';').map((p) => Number(p || 0));
  for (const code of codes) {
    if (code === 0) Object.assign(style, initialStyle());
    else if (code === 1) style.bold = true;
    else if (code === 22) style.bold = false;
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) style.fg = code;
    else if (code === 39) style.fg = null;
  }
}

/**
 * Splits `text` into styled runs, starting from `style` (updated in place, so the next call
 * continues where this one ended). Returns [{text, fg, bold}], empty runs left out.
 */
export function ansiRuns(text, style) {
  const runs = [];
  let at = 0;
  // A lone ESC or other control bytes (tab aside) would show as boxes: dropped.
  const push = (chunk) => {
    const clean = chunk.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
    if (clean) runs.push({ text: clean, fg: style.fg, bold: style.bold });
  };
  for (const match of text.matchAll(kCsi)) {
    push(text.slice(at, match.index));
    if (match[2] === 'm') applySgr(style, match[1]);
    at = match.index + match[0].length;
  }
  push(text.slice(at));
  return runs;
}

/** The text without escape sequences (for download and copy). */
export function stripAnsi(text) {
  return text.replace(kCsi, '');
}
