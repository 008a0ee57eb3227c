// Small DOM helpers shared by the page's panels: element building, number formatting for
// display, error boxes and download links. No esptool knowledge lives here.

/** h('td', {class: 'num'}, 'text', child...): creates an element; null/false children skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** 0x-prefixed, zero-padded hex of an unsigned number (display only). */
export function hex(value, digits = 8) {
  return `0x${(value >>> 0).toString(16).padStart(digits, '0')}`;
}

/** "1 234 bytes" style size with a KiB/MiB hint for large values. */
export function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]} (${bytes} B)`;
}

/** The error box for an EsptoolError (its one-line message, and its hint when it has one). */
export function errorBox(error) {
  const box = h('div', { class: 'error-box', role: 'alert' }, h('div', { class: 'message' }, error?.message ?? String(error)));
  if (error?.hint) box.append(h('p', { class: 'hint' }, error.hint));
  if (error?.name) box.dataset.errorName = error.name;
  return box;
}

/** Replaces the children of `el`. */
export function show(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

// Object URLs handed out by downloadLink(); revoked when a panel shows new results.
const liveUrls = new Map();

/** A link that downloads `data` as `name`; `owner` groups URLs so old ones can be revoked. */
export function downloadLink(owner, name, data) {
  const url = URL.createObjectURL(new Blob([data], { type: 'application/octet-stream' }));
  if (!liveUrls.has(owner)) liveUrls.set(owner, []);
  liveUrls.get(owner).push(url);
  return h(
    'a',
    { class: 'download', href: url, download: name.split('/').pop() },
    h('span', { class: 'verb', 'aria-hidden': 'true' }, '⬇'),
    h('span', { class: 'name' }, name),
    h('span', { class: 'size' }, sizeText(data.length)),
  );
}

/** Revokes the object URLs made for `owner`. */
export function revokeDownloads(owner) {
  for (const url of liveUrls.get(owner) ?? []) URL.revokeObjectURL(url);
  liveUrls.delete(owner);
}

/** Fills a <select> with [{value, label}] and selects `selected` (or keeps the current value). */
export function fillSelect(select, options, selected) {
  const keep = selected ?? select.value;
  select.replaceChildren(...options.map((o) => h('option', { value: o.value }, o.label ?? o.value)));
  if (options.some((o) => o.value === keep)) select.value = keep;
}
