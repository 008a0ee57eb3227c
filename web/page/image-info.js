// "Image info" panel: one image in, the core's image_info facts out (header, extended header,
// segment table, checksum and SHA-256 verdicts, app or bootloader description).
import * as api from './api.js';
import { attachDropZone } from './drop-zone.js';
import { errorBox, h, hex, show } from './dom.js';
import { fillChipSelect } from './options.js';

export function initImageInfo(facts) {
  const zone = document.querySelector('[data-drop=info]');
  const chip = document.getElementById('info-chip');
  const out = document.getElementById('info-result');
  const fileName = document.getElementById('info-file-name');
  fillChipSelect(chip, facts.chips, { auto: true });
  let current = null;

  const run = async () => {
    if (!current) return;
    fileName.textContent = current.name;
    try {
      const info = await api.imageInfo(current.bytes, { chip: chip.value });
      show(out, renderInfo(current.name, info));
    } catch (error) {
      show(out, h('h2', {}, current.name), errorBox(error));
    }
  };
  attachDropZone(zone, (files) => {
    current = files[0];
    run();
  });
  chip.addEventListener('change', run);
}

function verdict(title, state, detail) {
  const word = { valid: 'valid', invalid: 'invalid', absent: 'not appended' }[state];
  return h('div', { class: `verdict ${state}`, 'data-verdict': title.toLowerCase() },
    h('strong', {}, title), h('span', { class: 'word' }, word),
    [detail ?? []].flat().map((line) => h('span', { class: 'mono' }, line)));
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function revision(full) {
  return `v${Math.floor(full / 100)}.${full % 100}`;
}

function renderVerdicts(info) {
  const { checksum, sha256 } = info;
  const sum = checksum.valid
    ? verdict('Checksum', 'valid', hex(checksum.stored, 2))
    : verdict('Checksum', 'invalid', `stored ${hex(checksum.stored, 2)}, calculated ${hex(checksum.calculated, 2)}`);
  let sha;
  if (!sha256) sha = verdict('SHA-256', 'absent', null);
  else if (sha256.valid) sha = verdict('SHA-256', 'valid', sha256.calculated);
  else sha = verdict('SHA-256', 'invalid', [`stored ${sha256.stored}`, `calculated ${sha256.calculated}`]);
  return h('div', { class: 'verdicts' }, sum, sha);
}

function drives(ext) {
  const names = { clkDrv: 'clk', qDrv: 'q', dDrv: 'd', csDrv: 'cs0', hdDrv: 'hd', wpDrv: 'wp' };
  return Object.entries(names).map(([key, label]) => `${label} ${hex(ext[key], 1)}`).join(', ');
}

// Names the core could not map (a code this chip does not define) show the raw value.
function named(name, code, digits) {
  return name ?? `unknown (${hex(code, digits)})`;
}

function renderHeader(info) {
  const rows = [
    ['Chip', `${info.chipName}${info.chipDetected ? ' (detected)' : ''}`],
    ['File size', `${info.fileSize} bytes`],
    ['Image version', info.imageVersion],
    ['Entry point', info.entry ? hex(info.entry) : 'not set'],
    ['Flash mode', named(info.flashModeName, info.flashMode, 1)],
    ['Flash size', named(info.flashSizeName, info.flashSizeFreq >> 4, 1)],
    ['Flash freq', named(info.flashFreqName, info.flashSizeFreq & 0xf, 1)],
  ];
  const ext = info.extended;
  if (ext) {
    rows.push(
      ['WP pin', hex(ext.wpPin, 2)],
      ['Flash pin drive', drives(ext)],
      ['Chip ID', `${ext.chipId} (${ext.chipIdName ?? 'unknown ID'})`],
      ['Min chip rev', `${revision(ext.minRevFull)} (legacy min_rev ${ext.minRev})`],
      ['Max chip rev', revision(ext.maxRevFull)],
      ['SHA-256 appended', ext.appendDigest ? 'yes' : 'no'],
    );
  }
  return facts(rows);
}

function renderSegments(segments) {
  const rows = segments.map((seg) =>
    h('tr', {},
      h('td', { class: 'num' }, seg.index),
      h('td', { class: 'num' }, hex(seg.address)),
      h('td', { class: 'num' }, hex(seg.length, 5)),
      h('td', { class: 'num' }, hex(seg.fileOffset)),
      h('td', {}, seg.memoryTypes.join(', ')),
    ));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'segments', id: 'segment-table' },
    h('caption', { class: 'visually-hidden' }, 'Segments'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'num' }, 'Segment'), h('th', { scope: 'col', class: 'num' }, 'Load address'),
      h('th', { scope: 'col', class: 'num' }, 'Length'), h('th', { scope: 'col', class: 'num' }, 'File offset'),
      h('th', { scope: 'col' }, 'Memory types'))),
    h('tbody', {}, rows)));
}

function renderDescription(info) {
  if (info.app) {
    const a = info.app;
    return [h('h3', {}, 'Application'), facts([
      ['Project name', a.projectName], ['App version', a.version], ['Compile time', `${a.date} ${a.time}`],
      ['ELF SHA-256', a.appElfSha256], ['ESP-IDF', a.idfVer], ['Secure version', a.secureVersion],
    ])];
  }
  if (info.bootloader) {
    const b = info.bootloader;
    return [h('h3', {}, 'Bootloader'), facts([
      ['Bootloader version', b.version], ['ESP-IDF', b.idfVer], ['Compile time', b.dateTime],
    ])];
  }
  return [];
}

function renderInfo(name, info) {
  return [
    h('h2', {}, name),
    renderVerdicts(info),
    h('h3', {}, 'Header'),
    renderHeader(info),
    h('h3', {}, `Segments (${info.segments.length})`),
    renderSegments(info.segments),
    ...renderDescription(info),
    info.warnings?.length ? h('ul', { class: 'warnings' }, info.warnings.map((w) => h('li', {}, w))) : null,
  ];
}
