// "ELF → image" panel: an ELF and elf2image's main options in, the image file(s) out as
// download links, with esptool's output lines underneath.
import * as api from './api.js';
import { attachDropZone } from './drop-zone.js';
import { downloadLink, errorBox, h, revokeDownloads, show } from './dom.js';
import { chipByKey, fillChipSelect, fillFlashSelects, given } from './options.js';
import { sendToFlashButton } from './send-to-flash.js';

export function initElf2Image(facts) {
  const $ = (id) => document.getElementById(id);
  const form = $('elf-form');
  const out = $('elf-result');
  const chip = $('elf-chip');
  const button = $('elf-convert');
  const selects = { mode: $('elf-flash-mode'), freq: $('elf-flash-freq'), size: $('elf-flash-size') };
  let elf = null;

  fillChipSelect(chip, facts.chips, { auto: true });
  const refreshFlash = () => fillFlashSelects(selects, chipByKey(facts.chips, chip.value), facts.flashModes);
  refreshFlash();
  chip.addEventListener('change', refreshFlash);

  attachDropZone(form.querySelector('[data-drop=elf]'), (files) => {
    elf = files[0];
    $('elf-file-name').textContent = elf.name;
    button.disabled = false;
    convert();
  });

  const options = () =>
    given({
      chip: chip.value,
      inputName: elf.name,
      flashMode: selects.mode.value,
      flashFreq: selects.freq.value,
      flashSize: selects.size.value,
      minRevFull: $('elf-min-rev').value === '' ? '' : Number($('elf-min-rev').value),
      maxRevFull: $('elf-max-rev').value === '' ? '' : Number($('elf-max-rev').value),
      securePadV2: $('elf-secure-pad-v2').checked || '',
      dontAppendDigest: $('elf-dont-append-digest').checked || '',
    });

  async function convert() {
    if (!elf) return;
    revokeDownloads('elf');
    try {
      const result = await api.elf2image(elf.bytes, options());
      show(
        out,
        h('h2', {}, `Images from ${elf.name}`),
        h('ul', { class: 'downloads' }, result.files.map((f) => h('li', {}, downloadLink('elf', f.name, f.data)))),
        // The offset is the user's (it depends on the partition table): the row asks for it.
        sendToFlashButton(result.files.map((f) => ({ name: f.name, bytes: f.data }))),
        h('pre', { class: 'log' }, result.lines.join('\n')),
      );
    } catch (error) {
      show(out, h('h2', {}, elf.name), errorBox(error));
    }
  }

  // Changing an option redoes the conversion, so the links always match the form.
  form.addEventListener('change', (event) => {
    if (event.target.type !== 'file') convert();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    convert();
  });
}
