// esptool-wasm public API: the offline image tools over the wasm core. Bytes in and out are
// Uint8Array (a Node Buffer or ArrayBuffer is accepted too); option objects use camelCase names
// of esptool's options, and absent keys take esptool's defaults (decided in C++, not here).
// Failures throw EsptoolError with a stable `name` and numeric `code`.
import { loadModule } from './load-wasm.js';
import { callWasm } from './errors.js';

export { EsptoolError } from './errors.js';

const toBytes = (data) => (data instanceof Uint8Array ? data : new Uint8Array(data));

/** Loads the wasm module (once); every other call does this itself. */
export async function loadEsptool() {
  await loadModule();
}

/** {version, esptoolVersion}: this package's version and the esptool.py release it matches. */
export async function version() {
  const m = await loadModule();
  return { version: m.version(), esptoolVersion: m.esptoolVersion() };
}

/**
 * The chip table's facts for building forms: [{key, name, isBeta, isEsp8266, bootloaderOffset,
 * flashSizes, flashFreqs, mmuPageSizes}] in esptool's order.
 */
export async function chips() {
  const m = await loadModule();
  return m.chips();
}

/** Flash modes in header-code order: ['qio', 'qout', 'dio', 'dout']. */
export async function flashModes() {
  const m = await loadModule();
  return m.flashModes();
}

/** ELF -> firmware image(s): {lines, files: [{name, data}]}, as `esptool.py elf2image`. */
export async function elf2image(elf, options = {}) {
  const m = await loadModule();
  return callWasm(() => m.elf2image(toBytes(elf), options));
}

/**
 * Facts about a firmware image (or Intel HEX text): header fields, segment table, checksum and
 * SHA-256 verdicts, app/bootloader description, plus esptool's text as `lines`.
 */
export async function imageInfo(bytes, options = {}) {
  const m = await loadModule();
  return callWasm(() => m.imageInfo(toBytes(bytes), options));
}

/** files: [{address, data, name?}] -> {lines, files: [{name, data}]}, as `esptool.py merge_bin`. */
export async function mergeBin(files, options = {}) {
  const m = await loadModule();
  const inputs = files.map((f) => ({ ...f, data: toBytes(f.data) }));
  return callWasm(() => m.mergeBin(inputs, options));
}

/** segments: [{address, data}] -> ESP8266 v1 image, as `esptool.py make_image`. */
export async function makeImage(segments, options = {}) {
  const m = await loadModule();
  const inputs = segments.map((s) => ({ ...s, data: toBytes(s.data) }));
  return callWasm(() => m.makeImage(inputs, options));
}

/**
 * ESP-IDF's build/flash_args text -> {chip, flashMode, flashFreq, flashSize, files: [{offset,
 * path}]} (null for settings the file does not give). Paths are relative to the build dir.
 */
export async function parseFlashArgs(text) {
  const m = await loadModule();
  return callWasm(() => m.parseFlashArgs(text));
}

/** ESP-IDF's build/flasher_args.json text -> the same shape as parseFlashArgs. */
export async function parseFlasherArgsJson(text) {
  const m = await loadModule();
  return callWasm(() => m.parseFlasherArgsJson(text));
}

/** Either of the two, told apart by content (JSON starts with '{'). */
export async function parseIdfBuildArgs(text) {
  const m = await loadModule();
  return callWasm(() => m.parseIdfBuildArgs(text));
}
