// "Send to Flash": hands an image made on another tab (merge_bin, elf2image) to the Device tab's
// file list, at `offset` when it is known, and shows that tab. Panels stay independent: they
// meet through one document event.
import { h } from './dom.js';

export const kFlashFilesEvent = 'esptool-flash-files';

/** A button that sends `files` [{name, bytes, offset?}] to the Flash card. */
export function sendToFlashButton(files, label = 'Send to Flash') {
  return h('button', {
    type: 'button',
    class: 'send-to-flash',
    onclick: () => {
      document.dispatchEvent(new CustomEvent(kFlashFilesEvent, { detail: { files } }));
      document.getElementById('tab-device')?.click();
      document.getElementById('dev-flash-form')?.scrollIntoView({ block: 'start' });
    },
  }, label);
}
