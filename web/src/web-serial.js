// Web Serial in the browser: the port chooser (filtered to the USB ids core knows for ESP boards,
// or every port), ports this origin was granted earlier, a readable name for a port, and the
// browser's open() failures as EsptoolError. Any SerialPort-shaped object works with connect();
// this file only helps a page obtain a real one.
import { EsptoolError } from './errors.js';
import { loadDeviceModule } from './load-wasm.js';

const serialApi = (serial) => serial ?? globalThis.navigator?.serial;

async function portError(kind, message, cause) {
  const m = await loadDeviceModule();
  return new EsptoolError(m.hostError(kind, message), { cause });
}

/** True when this browser and page can use Web Serial (Chrome/Edge, a secure origin). */
export function hasWebSerial(serial) {
  return Boolean(serialApi(serial)) && globalThis.isSecureContext !== false;
}

/**
 * Opens the browser's port chooser (needs a user gesture). `allPorts` drops the USB id filters.
 * Resolves to the chosen SerialPort; rejects with EsptoolError 'no_port' when none is chosen.
 */
export async function requestSerialPort({ allPorts = false, serial } = {}) {
  const api = serialApi(serial);
  if (!api) {
    throw await portError('no_port', 'This browser has no Web Serial: use Chrome or Edge on a desktop, over https or localhost');
  }
  const m = await loadDeviceModule();
  const filters = allPorts
    ? []
    : m.usbSerialIds().map((id) => (id.productId ? { usbVendorId: id.vendorId, usbProductId: id.productId } : { usbVendorId: id.vendorId }));
  try {
    return await api.requestPort({ filters });
  } catch (cause) {
    if (cause?.name === 'SecurityError') {
      throw await portError('permission_denied', 'The browser did not allow this page to use serial ports', cause);
    }
    throw await portError('no_port', 'No serial port was chosen', cause);
  }
}

/** Ports this origin may open without asking again (granted earlier). */
export async function grantedSerialPorts({ serial } = {}) {
  const api = serialApi(serial);
  return api ? api.getPorts() : [];
}

/** "Silicon Labs CP210x (10c4:ea60)" or "Serial port" when the port has no USB ids. */
export async function describePort(port) {
  const info = port.getInfo?.() ?? {};
  if (info.usbVendorId === undefined) return 'Serial port';
  const m = await loadDeviceModule();
  const hex = (n) => n.toString(16).padStart(4, '0');
  const ids = `${hex(info.usbVendorId)}:${hex(info.usbProductId ?? 0)}`;
  const known = m
    .usbSerialIds()
    .find((id) => id.vendorId === info.usbVendorId && (id.productId === info.usbProductId || id.productId === 0));
  return known ? `${known.name} (${ids})` : `USB serial device (${ids})`;
}

/**
 * What a failed port.open() means, as EsptoolError: Chromium rejects with InvalidStateError when
 * this page has it open already, NetworkError when another program holds it, SecurityError when
 * access is refused.
 */
export async function openError(cause) {
  const detail = cause?.message ?? String(cause);
  if (cause?.name === 'NetworkError') {
    return portError('port_busy', `The port could not be opened; another program may be using it (${detail})`, cause);
  }
  if (cause?.name === 'SecurityError') {
    return portError('permission_denied', `Access to the port was denied (${detail})`, cause);
  }
  if (cause?.name === 'InvalidStateError') {
    return portError('port_busy', `The port is already open (${detail})`, cause);
  }
  return portError('port_lost', `Could not open the port: ${detail}`, cause);
}
