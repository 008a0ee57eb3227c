// Loads hw-sim's wasm module (web/dist/hw-sim.js + .wasm) lazily and once per thread: in the
// virtual port's Worker, or on the caller's thread when there is no Worker (Node, tests). Node
// reads the .wasm itself and passes it as wasmBinary (Emscripten 3.1.6 cannot fetch file paths).
import { instantiateWasm } from '../instantiate-wasm.js';

const moduleUrl = new URL('../../dist/hw-sim.js', import.meta.url);
const wasmUrl = new URL('../../dist/hw-sim.wasm', import.meta.url);

let modulePromise = null;

/** Resolves to the Embind module (chips(), SimDevice); later calls return the same promise. */
export function loadSim() {
  if (!modulePromise) {
    modulePromise = instantiateWasm(moduleUrl, wasmUrl).catch((cause) => {
      modulePromise = null; // a failed load (missing build, network) may be retried
      throw new Error(`Could not load the virtual device (hw-sim wasm): ${cause?.message ?? cause}`, { cause });
    });
  }
  return modulePromise;
}
