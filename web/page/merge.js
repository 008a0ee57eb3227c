// "Merge binaries" panel: the file list, merge_bin's options, the flash map and the download.
// The core validates the layout (overlaps, bounds, target offset) and writes the bytes.
import * as api from './api.js';
import { attachDropZone } from './drop-zone.js';
import { downloadLink, errorBox, h, revokeDownloads, show } from './dom.js';
import { renderFlashMap } from './flash-map.js';
import { FileList, parseOffset } from './merge-files.js';
import { chipByKey, fillChipSelect, fillFlashSelects, given } from './options.js';
import { sendToFlashButton } from './send-to-flash.js';

const EXTENSIONS = { raw: 'bin', hex: 'hex', uf2: 'uf2' };

export function initMerge(facts) {
  const $ = (id) => document.getElementById(id);
  const form = $('merge-form');
  const chip = $('merge-chip');
  const target = $('merge-target');
  const fill = $('merge-fill');
  const format = $('merge-format');
  const result = $('merge-result');
  const button = $('merge-run');
  const flash = { mode: $('merge-flash-mode'), freq: $('merge-flash-freq'), size: $('merge-flash-size') };

  fillChipSelect(chip, facts.chips);
  chip.prepend(h('option', { value: '' }, 'Choose a chip'));
  chip.value = '';

  // Flash settings an import asked for; re-applied when a chip choice refills the lists (a
  // flash_args file often names no chip). Choosing a value by hand drops the request.
  let wanted = {};
  const refreshChipLists = () => {
    const row = chipByKey(facts.chips, chip.value);
    fillFlashSelects(flash, row, facts.flashModes, { defaultLabel: 'keep (default)' });
    fillFlashSelects({ size: fill }, row, [], { defaultLabel: 'no fill' });
    for (const [key, value] of Object.entries(wanted)) {
      if ([...flash[key].options].some((o) => o.value === value)) flash[key].value = value;
    }
  };
  for (const [key, select] of Object.entries(flash)) {
    select.addEventListener('change', () => delete wanted[key]);
  }

  const list = new FileList(
    { tbody: $('merge-table').tBodies[0], empty: $('merge-empty'), note: $('merge-args-note') },
    { onChange: changed, onArgs: applyArgs },
  );

  // An import sets what the build recorded; the user can still change it afterwards.
  function applyArgs(parsed) {
    if (parsed.chip && chipByKey(facts.chips, parsed.chip)) chip.value = parsed.chip;
    wanted = {};
    for (const [key, value] of [['mode', parsed.flashMode], ['freq', parsed.flashFreq], ['size', parsed.flashSize]]) {
      if (value) wanted[key] = value;
    }
    refreshChipLists();
  }

  // The map draws the files; a raw merge's output length (which includes --fill-flash-size
  // padding, sized by the core) extends it once known.
  function drawMap(outputSize = null) {
    const files = list.ready().map((f) => ({ name: f.name, offset: f.offset, size: f.bytes.length, colour: f.row }));
    renderFlashMap($('flash-map'), files, { targetOffset: parseOffset(target.value) || 0, fillSize: outputSize });
  }

  // Inputs changed: redraw the map, drop the now stale output, re-check what can run.
  function changed() {
    revokeDownloads('merge');
    show(result);
    const targetOffset = parseOffset(target.value);
    target.setAttribute('aria-invalid', String(Number.isNaN(targetOffset)));
    drawMap();
    const why = list.missing() || (Number.isNaN(targetOffset) ? 'The target offset is not a number.' : '')
      || (chip.value ? '' : 'Choose the chip.');
    button.disabled = why !== '';
    $('merge-why').textContent = why;
  }

  async function merge() {
    revokeDownloads('merge');
    const output = `merged.${EXTENSIONS[format.value]}`;
    try {
      const files = list.ready().map((f) => ({ address: f.offset, name: f.name, data: f.bytes }));
      const out = await api.mergeBin(files, given({
        chip: chip.value,
        output,
        format: format.value,
        targetOffset: parseOffset(target.value),
        fillFlashSize: fill.value,
        flashMode: flash.mode.value,
        flashFreq: flash.freq.value,
        flashSize: flash.size.value,
      }));
      // A raw image is written at the target offset; HEX and UF2 are for other tools.
      const offset = parseOffset(target.value);
      const send = format.value === 'raw' && out.files[0] && !Number.isNaN(offset)
        ? sendToFlashButton([{ name: out.files[0].name, bytes: out.files[0].data, offset }])
        : null;
      show(result,
        h('ul', { class: 'downloads' }, out.files.map((f) => h('li', {}, downloadLink('merge', f.name, f.data)))),
        send,
        h('pre', { class: 'log' }, out.lines.join('\n')));
      if (format.value === 'raw') drawMap(out.files[0]?.data.length ?? null);
    } catch (error) {
      show(result, errorBox(error));
    }
  }

  refreshChipLists();
  chip.addEventListener('change', refreshChipLists);
  form.addEventListener('change', changed);
  target.addEventListener('input', changed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    merge();
  });
  attachDropZone(document.querySelector('[data-drop=merge]'), (files) => list.add(files));
  list.render();
}
