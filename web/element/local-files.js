// The dialog's local-file step (allow-local-files): the user installs their own build instead
// of the manifest's: one .bin (a merged image, written at 0x0), or an ESP-IDF flasher_args.json
// / flash_args with the .bin files it names (offsets from core's parser, files matched by name).
import { parseIdfBuildArgs } from '../src/index.js';
import { h } from './dialog-view.js';

const baseName = (path) => path.split('/').pop();

/** files: File[] -> [{name, offset, data}]; throws Error with a sentence when they do not fit. */
export async function localFiles(files) {
  const args = files.find((f) => /flasher_args\.json$|flash_args$/.test(f.name));
  const bins = files.filter((f) => f !== args);
  if (!args) {
    if (bins.length !== 1) throw new Error('Pick one merged .bin, or a flasher_args.json with the .bin files it names.');
    return [{ name: bins[0].name, offset: 0, data: new Uint8Array(await bins[0].arrayBuffer()) }];
  }
  const parsed = await parseIdfBuildArgs(await args.text());
  const out = [];
  for (const { offset, path } of parsed.files) {
    const file = bins.find((f) => f.name === baseName(path));
    if (!file) throw new Error(`${args.name} names ${path}: pick that file too.`);
    out.push({ name: file.name, offset, data: new Uint8Array(await file.arrayBuffer()) });
  }
  return out;
}

/**
 * Shows the choice in `body`: resolves to null (use the manifest) or the picked files.
 * `buttons(...)` sets the dialog's action buttons.
 */
export function chooseSource(body, buttons) {
  return new Promise((resolve) => {
    const input = h('input', { type: 'file', id: 'ewt-files', multiple: true, accept: '.bin,.json,application/octet-stream' });
    const problem = h('p', { class: 'hint', role: 'alert' });
    input.addEventListener('change', async () => {
      try {
        resolve(await localFiles([...input.files]));
      } catch (error) {
        problem.textContent = error.message;
      }
    });
    body.replaceChildren(
      h('p', {}, 'Install the firmware of this page, or your own build.'),
      h('p', {}, h('label', { for: 'ewt-files' }, 'Your own files (a merged .bin, or flasher_args.json with its .bin files): '), input),
      problem,
    );
    buttons(['Use this page\'s firmware', () => resolve(null), true]);
  });
}
