// Loads the wasm module lazily and once. One artifact serves every host: in Node the .wasm bytes
// are read here and passed as wasmBinary (Emscripten 3.1.6's loader cannot fetch file paths);
// in a browser or worker the loader fetches it next to esptool-core.js.
import { EsptoolError } from './errors.js';

const moduleUrl = new URL('../dist/esptool-core.js', import.meta.url);
const wasmUrl = new URL('../dist/esptool-core.wasm', import.meta.url);
const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

let modulePromise = null;

/** Resolves to the Embind module; later calls return the same promise. */
export function loadModule() {
  if (!modulePromise) {
    modulePromise = instantiate().catch((cause) => {
      modulePromise = null; // a failed load (missing build, network) may be retried
      throw new EsptoolError({
        code: 0x00ff,
        name: 'internal',
        message: `Could not load the esptool wasm module: ${cause?.message ?? cause}`,
        hint: 'Build it first (npm test or npm start build web/dist/).',
      });
    });
  }
  return modulePromise;
}

async function instantiate() {
  const { default: factory } = await import(moduleUrl.href);
  const options = {};
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    options.wasmBinary = await readFile(wasmUrl);
  } else {
    options.locateFile = (path) => new URL(path, moduleUrl).href;
  }
  return factory(options);
}
