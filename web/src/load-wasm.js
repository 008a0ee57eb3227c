// Loads the wasm modules lazily, each once. Two modules over the same core serve the page and
// the API (wasm/wasm.cmake): the device module (what flashing needs: sessions, chips, stubs,
// layout checks) and the offline tools' module (elf2image, image_info, merge_bin, make_image,
// build-args parsing); a page fetches only the ones it uses. The full module (both plus the
// CLI's argument layer) is named by web/cli/load-full.js, so the page's files never point at it.
// In Node the .wasm bytes are read in instantiate-wasm.js and passed as wasmBinary.
import { EsptoolError } from './errors.js';
import { instantiateWasm } from './instantiate-wasm.js';

// Static `new URL(..., import.meta.url)` spellings: bundlers and the bench's crawler see them.
const modules = {
  device: {
    js: new URL('../dist/esptool-device.js', import.meta.url),
    wasm: new URL('../dist/esptool-device.wasm', import.meta.url),
  },
  tools: {
    js: new URL('../dist/esptool-tools.js', import.meta.url),
    wasm: new URL('../dist/esptool-tools.wasm', import.meta.url),
  },
};

const promises = {};

/**
 * The module `name` made by the factory at `js` with its wasm at `wasm` (defaults: the table
 * above); `compiled`: that wasm as a WebAssembly.Module another thread compiled.
 */
export function loadNamedModule(name, { js, wasm } = modules[name], { compiled } = {}) {
  if (!promises[name]) {
    promises[name] = instantiateWasm(js, wasm, { compiled }).catch((cause) => {
      promises[name] = null; // a failed load (missing build, network) may be retried
      throw new EsptoolError({
        code: 0x00ff,
        name: 'internal',
        message: `Could not load the esptool wasm module (${js.pathname.split('/').pop()}): ${cause?.message ?? cause}`,
        hint: 'Build it first (npm test or npm start build web/dist/).',
      });
    });
  }
  return promises[name];
}

/**
 * The device module (DeviceSession, usbSerialIds, hostError, checkFlashLayout, chips, ...);
 * `compiled`: its wasm as the page compiled it (the engine's Worker gets it that way).
 */
export function loadDeviceModule({ compiled } = {}) {
  return loadNamedModule('device', modules.device, { compiled });
}

/** The offline tools' module (elf2image, imageInfo, mergeBin, makeImage, parseFlashArgs, chips, ...). */
export function loadToolsModule() {
  return loadNamedModule('tools');
}

/**
 * For what every module holds (chips, flashModes, version): a module already loaded or loading,
 * else the device module, so asking for facts never fetches a second module.
 */
export function loadAnyModule() {
  return promises.device ?? promises.tools ?? promises.full ?? loadDeviceModule();
}
