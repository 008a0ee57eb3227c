// One way to instantiate an Emscripten ES module on every host: the .wasm is read (Node: Emscripten
// 3.1.6's loader cannot fetch file paths) or fetched and compiled here, or a WebAssembly.Module
// another thread already compiled is instantiated (the page hands its device module to the
// engine's Worker, so the same bytes are not fetched and compiled twice). A module split by
// wasm-split gets its placeholder imports here (deferred-wasm.js), and a module's plain C calls
// are attached to it (c-abi.js).
import { attachCalls } from './c-abi.js';
import { isSplit, placeholderImports } from './deferred-wasm.js';

const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

// The compiled WebAssembly.Module behind each module made here.
const compiledWasm = new WeakMap();

/** The WebAssembly.Module that `module` runs: it can be posted to a Worker. */
export function compiledWasmOf(module) {
  return compiledWasm.get(module) ?? null;
}

async function compileWasm(wasmUrl) {
  const response = await fetch(wasmUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${wasmUrl.pathname}: HTTP ${response.status}`);
  // compileStreaming wants the application/wasm type, which not every static host sends.
  if (response.headers.get('Content-Type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Resolves to the module made by the factory at `moduleUrl`, with its wasm from `wasmUrl`, or
 * from `compiled`, that wasm already compiled.
 */
export async function instantiateWasm(moduleUrl, wasmUrl, { compiled } = {}) {
  // The glue and the wasm come in together. Node instantiates from the file's bytes in one step,
  // as Emscripten would (compiling first and instantiating after cost the CLI about 20 ms more);
  // a page compiles while it downloads.
  const wasmReady = compiled
    ? Promise.resolve(compiled)
    : isNode
      ? import('node:fs').then(({ readFileSync }) => readFileSync(wasmUrl))
      : compileWasm(wasmUrl);
  const [{ default: factory }, wasm] = await Promise.all([import(moduleUrl.href), wasmReady]);
  let instance = null;
  let compiledModule = null;
  // Extra import modules are ignored, so Node need not look inside the bytes to ask.
  const split = isNode || isSplit(wasm);
  const placeholder = split ? await placeholderImports(wasmUrl, () => instance) : null;
  const module = await new Promise((resolve, reject) => {
    factory({
      // Emscripten's hook: we instantiate, it goes on with the instance (3.1.6: return {}).
      instantiateWasm(imports, receive) {
        if (placeholder) imports.placeholder = placeholder;
        WebAssembly.instantiate(wasm, imports).then((made) => {
          // From bytes: {instance, module}; from a compiled module: the instance.
          instance = made.instance ?? made;
          compiledModule = made.module ?? wasm;
          receive(instance, compiledModule);
        }, reject);
        return {};
      },
    }).then(resolve, reject);
  });
  compiledWasm.set(module, compiledModule);
  return attachCalls(module, instance);
}
