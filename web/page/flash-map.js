// The flash-map picture: where each file lands, what lies in between (gaps) and where files
// collide (overlaps, red). Pure drawing of ranges the user gave; whether a layout is acceptable
// (e.g. merge_bin's sector-granular overlap rule) is decided by the core when merging.
import { h, hex, sizeText } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
// Pastel fills that keep dark text readable in both colour schemes.
const PALETTE = ['#9ec5fe', '#a3e4b5', '#ffd59e', '#d7b8f3', '#9fe3e3', '#f7b7d2', '#c9d48f', '#f2c29b'];

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/**
 * Splits [start, end) into consecutive regions by which files cover them:
 * {kind: 'file'|'gap'|'overlap', start, end, files: [index...]}. `files` are {offset, size}.
 */
export function layoutRegions(files, start, end) {
  const cuts = new Set([start, end]);
  for (const f of files) {
    if (f.size <= 0) continue;
    cuts.add(f.offset);
    cuts.add(f.offset + f.size);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const regions = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const cover = [];
    files.forEach((f, index) => {
      if (f.size > 0 && f.offset < b && f.offset + f.size > a) cover.push(index);
    });
    const kind = cover.length === 0 ? 'gap' : cover.length === 1 ? 'file' : 'overlap';
    const last = regions[regions.length - 1];
    if (last && last.kind === kind && last.end === a && last.files.join() === cover.join()) last.end = b;
    else regions.push({ kind, start: a, end: b, files: cover });
  }
  return regions;
}

// Row height grows with the logarithm of the size so a 3 KiB partition table and a 4 MiB app
// both stay legible; the thin bar at the top keeps the true proportions.
function rowHeight(size) {
  return Math.round(Math.min(80, Math.max(30, 30 + 8 * Math.log2(Math.max(1, size / 4096)))));
}

function regionLabel(region, files) {
  const size = sizeText(region.end - region.start).replace(/ \(.*\)$/, '');
  if (region.kind === 'gap') return `empty · ${size}`;
  const names = region.files.map((i) => files[i].name);
  if (region.kind === 'overlap') return `overlap: ${names.join(' + ')} · ${size}`;
  return `${names[0]} · ${size}`;
}

/**
 * Draws the map of `files` ([{name, offset, size}]) into `container`. The drawn span runs from
 * min(targetOffset, first offset) to max(last end, targetOffset + fillSize).
 */
export function renderFlashMap(container, files, { targetOffset = 0, fillSize = null } = {}) {
  watchWidth(container, () => renderFlashMap(container, files, { targetOffset, fillSize }));
  const used = files.filter((f) => f.size > 0);
  if (used.length === 0) {
    container.replaceChildren(h('p', { class: 'placeholder' }, 'Add files to see where they land in flash.'));
    return;
  }
  const start = Math.min(targetOffset, ...used.map((f) => f.offset));
  let end = Math.max(...used.map((f) => f.offset + f.size));
  if (fillSize) end = Math.max(end, targetOffset + fillSize);
  const regions = layoutRegions(files, start, end);

  // Drawn in CSS pixels at the container's width so labels keep their size; 760 while hidden.
  const width = Math.max(MIN_WIDTH, container.clientWidth || 760);
  const bx = 118; // block column
  const bw = width - bx - 12;
  const barY = 8;
  const barH = 16;
  let y = barY + barH + 18;
  const svg = s('svg', { role: 'img', 'aria-labelledby': 'flash-map-title' });
  svg.append(s('title', { id: 'flash-map-title' }, mapSummary(regions, files, start, end)));

  // Overview bar, to scale.
  const scale = bw / (end - start);
  const bar = s('g', { class: 'overview' });
  for (const r of regions) {
    const x = bx + (r.start - start) * scale;
    const w = Math.max(1, (r.end - r.start) * scale);
    bar.append(s('rect', { x, y: barY, width: w, height: barH, ...fillOf(r, files), class: `bar-${r.kind}` }));
  }
  bar.append(s('text', { x: bx - 12, y: barY + barH - 4, 'text-anchor': 'end', class: 'overview-label' }, 'to scale'));
  svg.append(bar);

  const axis = s('g', { class: 'axis' });
  for (const r of regions) {
    const rh = rowHeight(r.end - r.start);
    const group = s('g', {
      class: r.kind,
      'data-start': hex(r.start),
      'data-end': hex(r.end),
      'data-files': r.files.map((i) => files[i].name).join(','),
    });
    group.append(s('rect', { x: bx, y, width: bw, height: rh, rx: 3, ...fillOf(r, files) }));
    const text = s('text', { x: bx + 10, y: y + rh / 2 + 4, class: `label-${r.kind}` }, regionLabel(r, files));
    group.append(text);
    svg.append(group);
    axis.append(s('line', { x1: bx - 8, x2: bx, y1: y, y2: y }));
    axis.append(s('text', { x: bx - 12, y: y + 4, 'text-anchor': 'end' }, hex(r.start)));
    y += rh;
  }
  axis.append(s('line', { x1: bx - 8, x2: bx, y1: y, y2: y }));
  axis.append(s('text', { x: bx - 12, y: y + 4, 'text-anchor': 'end' }, hex(end)));
  svg.append(axis);
  svg.setAttribute('viewBox', `0 0 ${width} ${y + 10}`);
  svg.setAttribute('width', width);
  svg.setAttribute('height', y + 10);

  container.replaceChildren(svg, legend(regions, files));
}

// A file keeps its colour (by its row in the list) while other rows are edited.
const colourOf = (files, i) => PALETTE[(files[i].colour ?? i) % PALETTE.length];

const MIN_WIDTH = 480;
const redraws = new WeakMap();
let observer = null;

// Redraws a map when its container's width changes (window resize, its tab being shown).
function watchWidth(container, redraw) {
  if (!observer) {
    observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const state = redraws.get(entry.target);
        const w = Math.round(entry.contentRect.width);
        if (state && w !== state.width) {
          state.width = w;
          state.redraw();
        }
      }
    });
  }
  if (!redraws.has(container)) observer.observe(container);
  redraws.set(container, { width: Math.round(container.clientWidth), redraw });
}

function fillOf(region, files) {
  if (region.kind === 'file') return { fill: colourOf(files, region.files[0]) };
  return {}; // gap and overlap colours come from page.css
}

function mapSummary(regions, files, start, end) {
  const gaps = regions.filter((r) => r.kind === 'gap').length;
  const overlaps = regions.filter((r) => r.kind === 'overlap').length;
  return `Flash map ${hex(start)}–${hex(end)}: ${files.length} files, ${gaps} gaps, ${overlaps} overlaps`;
}

// Colour set through CSSOM: the page's CSP forbids inline style attributes.
function swatch(colour) {
  const el = h('span', { class: 'swatch' });
  el.style.background = colour;
  return el;
}

function legend(regions, files) {
  const items = files.flatMap((f, i) =>
    f.size > 0 ? [h('li', {}, swatch(colourOf(files, i)), `${f.name} ${hex(f.offset)}–${hex(f.offset + f.size)}`)] : [],
  );
  const gaps = regions.filter((r) => r.kind === 'gap');
  if (gaps.length) items.push(h('li', {}, h('span', { class: 'swatch gap' }), `${gaps.length} gap${gaps.length > 1 ? 's' : ''} (not covered by any file)`));
  const overlaps = regions.filter((r) => r.kind === 'overlap');
  if (overlaps.length) {
    items.push(h('li', { class: 'overlap' }, h('span', { class: 'swatch overlap' }), `${overlaps.length} overlap${overlaps.length > 1 ? 's' : ''}: files collide`));
  }
  return h('ul', { class: 'legend' }, items);
}
