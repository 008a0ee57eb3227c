// esptool-wasm public API: the offline image tools and device sessions over the wasm core. Bytes in and out are
// Uint8Array (a Node Buffer or ArrayBuffer is accepted too); option objects use camelCase names
// of esptool's options, and absent keys take esptool's defaults (decided in C++, not here).
// Failures throw EsptoolError with a stable `name` and numeric `code`.
import { loadAnyModule, loadDeviceModule, loadToolsModule } from './load-wasm.js';
import { callWasm } from './errors.js';
import { Device } from './device.js';
import { makeEngine } from './engine-client.js';
import { PortIo } from './port-io.js';
import { findSamePort } from './reacquire.js';
import { openError } from './web-serial.js';

// How long a re-enumerating native-USB board may stay away before its port counts as lost.
const kReacquireMs = 5000;
// How long an unplugged USB board may stay away while recovery is on (connect's replugGraceMs):
// plugged back in within it, the running command reconnects and resumes (core decides).
const kReplugGraceMs = 10000;

export { EsptoolError } from './errors.js';
export { buildReport, redactText } from './report.js';
export { describePort, grantedSerialPorts, hasWebSerial, requestSerialPort } from './web-serial.js';

const toBytes = (data) => (data instanceof Uint8Array ? data : new Uint8Array(data));

/**
 * Loads the device module (once), what connect() and the facts below need; every other call
 * loads the module it needs itself (the offline tools' module on their first use).
 */
export async function loadEsptool() {
  await loadDeviceModule();
}

/** {version, esptoolVersion}: this package's version and the esptool.py release it matches. */
export async function version() {
  const m = await loadAnyModule();
  return { version: m.version(), esptoolVersion: m.esptoolVersion() };
}

/**
 * The chip table's facts for building forms: [{key, name, isBeta, isEsp8266, bootloaderOffset,
 * flashSizes, flashFreqs, mmuPageSizes}] in esptool's order.
 */
export async function chips() {
  const m = await loadAnyModule();
  return m.chips();
}

/**
 * Checks files [{offset, data, name}] before a write: overlaps (esptool's sector rule), files
 * past `flashSize` bytes (when given), a bootloader at another chip's offset (when `chip` is
 * given). Resolves when the layout is fine; rejects with EsptoolError (one sentence) otherwise.
 */
export async function checkFlashLayout(files, { chip = '', flashSize = null } = {}) {
  const m = await loadDeviceModule();
  const inputs = files.map((f) => ({ ...f, data: toBytes(f.data) }));
  return callWasm(() => m.checkFlashLayout(inputs, chip, flashSize));
}

/** Flash modes in header-code order: ['qio', 'qout', 'dio', 'dout']. */
export async function flashModes() {
  const m = await loadAnyModule();
  return m.flashModes();
}

/** ELF -> firmware image(s): {lines, files: [{name, data}]}, as `esptool.py elf2image`. */
export async function elf2image(elf, options = {}) {
  const m = await loadToolsModule();
  return callWasm(() => m.elf2image(toBytes(elf), options));
}

/**
 * Facts about a firmware image (or Intel HEX text): header fields, segment table, checksum and
 * SHA-256 verdicts, app/bootloader description, plus esptool's text as `lines`.
 */
export async function imageInfo(bytes, options = {}) {
  const m = await loadToolsModule();
  return callWasm(() => m.imageInfo(toBytes(bytes), options));
}

/** files: [{address, data, name?}] -> {lines, files: [{name, data}]}, as `esptool.py merge_bin`. */
export async function mergeBin(files, options = {}) {
  const m = await loadToolsModule();
  const inputs = files.map((f) => ({ ...f, data: toBytes(f.data) }));
  return callWasm(() => m.mergeBin(inputs, options));
}

/** segments: [{address, data}] -> ESP8266 v1 image, as `esptool.py make_image`. */
export async function makeImage(segments, options = {}) {
  const m = await loadToolsModule();
  const inputs = segments.map((s) => ({ ...s, data: toBytes(s.data) }));
  return callWasm(() => m.makeImage(inputs, options));
}

/**
 * ESP-IDF's build/flash_args text -> {chip, flashMode, flashFreq, flashSize, files: [{offset,
 * path}]} (null for settings the file does not give). Paths are relative to the build dir.
 */
export async function parseFlashArgs(text) {
  const m = await loadToolsModule();
  return callWasm(() => m.parseFlashArgs(text));
}

/** ESP-IDF's build/flasher_args.json text -> the same shape as parseFlashArgs. */
export async function parseFlasherArgsJson(text) {
  const m = await loadToolsModule();
  return callWasm(() => m.parseFlasherArgsJson(text));
}

/**
 * An esptool-js flasher stub JSON text -> the converted stub (Uint8Array) that connect()'s
 * `stubs` option takes, under the name stubBinaryName gives it. The build converts the shipped
 * stubs the same way.
 */
export async function stubFromJson(text) {
  const m = await loadToolsModule();
  return callWasm(() => m.stubJsonToBinary(text));
}

/** The name a converted stub goes by: esptool-js's stub_flasher_32c3.json -> stub_flasher_32c3.bin. */
export async function stubBinaryName(jsonName) {
  const m = await loadToolsModule();
  return m.stubBinaryName(jsonName);
}

/** Either of the two, told apart by content (JSON starts with '{'). */
export async function parseIdfBuildArgs(text) {
  const m = await loadToolsModule();
  return callWasm(() => m.parseIdfBuildArgs(text));
}

/**
 * Opens `port` (anything shaped like Web Serial's SerialPort) and returns a Device whose
 * operations (writeFlash, readFlash, eraseFlash, readMac, ...) each run one esptool device
 * command. `options` are DeviceRequest fields used by every operation (chip, baud, before, after,
 * noStub, connectAttempts, recover, stubs: {fileName: Uint8Array}, converted stubs as stubFromJson
 * makes them); operations may override them. A
 * board on a native USB console is found again after it re-enumerates, and with recovery on
 * (recover not false) any USB board unplugged and plugged back in within replugGraceMs (10 s):
 * `serial` (navigator.serial, or the port's own `serial`) lists it, onPortChange(port) hears of
 * the new port, onPortLost() when it did not come back. In a browser the engine runs in a module
 * Worker (`worker: false` keeps it on the page's thread).
 */
export async function connect(port, options = {}) {
  const m = await loadDeviceModule();
  const { serial, onPortChange, onPortLost, worker, replugGraceMs = kReplugGraceMs, ...deviceOptions } = options;
  const reacquire = reacquirer(m, port, serial, { recover: options.recover !== false, replugGraceMs });
  const io = new PortIo(port, {}, { reacquire, onPortChange, onLost: onPortLost });
  try {
    await io.open(m.initialBaud({ before: options.before, baud: options.baud }));
  } catch (cause) {
    throw await openError(cause);
  }
  return new Device(m, io, deviceOptions, makeEngine(m, { worker }));
}

// Boards on the chip's own USB console (core's usbSerialIds kinds) re-enumerate on every reset:
// their port is found again through `serial` (navigator.serial, or the virtual board's own
// registry). With recovery on, so is any port with USB ids (a bridge's cable replugged) within
// the grace period; without USB ids there is nothing to know the device by, and it stays lost.
function reacquirer(m, port, serial, { recover, replugGraceMs }) {
  const info = port.getInfo?.() ?? {};
  const api = serial ?? port.serial ?? globalThis.navigator?.serial;
  if (!api || info.usbVendorId === undefined) return null;
  const id = m.usbSerialIds().find((i) => i.vendorId === info.usbVendorId && i.productId === info.usbProductId);
  const native = id?.kind === 'usb-jtag-serial' || id?.kind === 'usb-otg';
  if (!native && !recover) return null;
  const timeoutMs = recover ? Math.max(replugGraceMs, native ? kReacquireMs : 0) : kReacquireMs;
  return (old) => findSamePort(api, old, timeoutMs);
}
