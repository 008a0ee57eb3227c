// esptool-wasm public API: offline image tools over the wasm core. Bytes in and out are
// Uint8Array; failures throw EsptoolError with a stable `name` and numeric `code`.
import { loadModule } from './load-wasm.js';

export { EsptoolError } from './errors.js';

/** Loads the wasm module (once); every other call does this itself. */
export async function loadEsptool() {
  await loadModule();
}

/** {version, esptoolVersion}: this package's version and the esptool.py release it matches. */
export async function version() {
  const m = await loadModule();
  return { version: m.version(), esptoolVersion: m.esptoolVersion() };
}
