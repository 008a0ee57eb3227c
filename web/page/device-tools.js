// The Read and erase card: read a range (or the rest of the flash) and download it, erase a
// region or the whole flash after a confirmation, read/write a register and the SPI flash status
// register, and the virtual device's test hooks (faults, unplug, plug back in).
import { downloadLink, errorBox, h, hex, revokeDownloads, show } from './dom.js';
import { parseOffset } from './merge-files.js';

const $ = (id) => document.getElementById(id);

/** "all" or a number typed as hex/decimal; NaN when it is neither. */
function parseSize(text) {
  return String(text).trim().toLowerCase() === 'all' ? 'all' : parseOffset(text);
}

function confirmErase(text) {
  const dialog = $('dev-confirm');
  $('dev-confirm-text').textContent = text;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = 'cancel';
    dialog.showModal();
    $('dev-confirm-no').focus();
  });
}

export function initDeviceTools(session, hooks) {
  const result = $('dev-read-result');
  const advanced = $('dev-advanced-result');
  const fail = (box) => (error) => show(box, errorBox(error));
  const range = () => {
    const offset = parseOffset($('dev-read-offset').value);
    const size = parseSize($('dev-read-size').value);
    if (Number.isNaN(offset) || Number.isNaN(size)) {
      show(result, errorBox(new Error('Give the offset and size as numbers (0x1000 or 4096), or size "all".')));
      return null;
    }
    return { offset, size };
  };

  $('dev-read').addEventListener('click', async () => {
    const r = range();
    if (!r) return;
    revokeDownloads('device-read');
    show(result, h('p', { class: 'hint' }, 'Reading…'));
    try {
      const data = await session.run('Read flash', (device, options) => device.readFlash(r.offset, r.size, options));
      const name = `flash_${hex(r.offset)}_${data.length}.bin`;
      show(result, h('p', { class: 'ok-line' }, `Read ${data.length} bytes from ${hex(r.offset)}.`), downloadLink('device-read', name, data));
    } catch (error) {
      fail(result)(error);
    }
  });

  $('dev-erase-region').addEventListener('click', async () => {
    const r = range();
    if (!r) return;
    const what = r.size === 'all' ? `from ${hex(r.offset)} to the end of the flash` : `${r.size} bytes from ${hex(r.offset)}`;
    if (!(await confirmErase(`Erase ${what}? What is stored there is lost.`))) return;
    try {
      await session.run('Erase region', (device, options) => device.eraseRegion(r.offset, r.size, options));
      show(result, h('p', { class: 'ok-line' }, `Erased ${what}.`));
    } catch (error) {
      fail(result)(error);
    }
  });

  $('dev-erase').addEventListener('click', async () => {
    if (!(await confirmErase('Erase the whole flash? Firmware, settings and data on the chip are lost.'))) return;
    try {
      await session.run('Erase flash', (device, options) => device.eraseFlash(options));
      show(result, h('p', { class: 'ok-line' }, 'The flash is erased.'));
    } catch (error) {
      fail(result)(error);
    }
  });

  const number = (id) => parseOffset($(id).value);
  $('dev-reg-read').addEventListener('click', async () => {
    const address = number('dev-reg-addr');
    try {
      const facts = await session.run('Read register', (device, options) => device.readMem(address, options));
      show(advanced, h('p', { class: 'mono' }, `${hex(address)} = ${hex(facts.value)}`));
    } catch (error) {
      fail(advanced)(error);
    }
  });
  $('dev-reg-write').addEventListener('click', async () => {
    const [address, value, mask] = ['dev-reg-addr', 'dev-reg-value', 'dev-reg-mask'].map(number);
    try {
      await session.run('Write register', (device, options) => device.writeMem(address, value, mask, options));
      show(advanced, h('p', { class: 'ok-line' }, `Wrote ${hex(value)} to ${hex(address)} (mask ${hex(mask)}).`));
    } catch (error) {
      fail(advanced)(error);
    }
  });
  $('dev-status-read').addEventListener('click', async () => {
    const statusBytes = Number($('dev-status-bytes').value);
    try {
      const facts = await session.run('Read flash status', (device, options) => device.readFlashStatus({ ...options, statusBytes }));
      show(advanced, h('p', { class: 'mono' }, `Flash status: ${hex(facts.value ?? 0, statusBytes * 2)}`));
    } catch (error) {
      fail(advanced)(error);
    }
  });
  $('dev-status-write').addEventListener('click', async () => {
    const statusBytes = Number($('dev-status-bytes').value);
    const value = number('dev-status-value');
    try {
      await session.run('Write flash status', (device, options) => device.writeFlashStatus(value, { ...options, statusBytes }));
      show(advanced, h('p', { class: 'ok-line' }, `Wrote flash status ${hex(value, statusBytes * 2)}.`));
    } catch (error) {
      fail(advanced)(error);
    }
  });

  $('dev-apply-faults').addEventListener('click', () => hooks.setFaults($('dev-faults').value).catch(fail(advanced)));
  $('dev-unplug').addEventListener('click', () => hooks.unplug().catch(fail(advanced)));
  $('dev-replug').addEventListener('click', () => hooks.replug().catch(fail(advanced)));
}
