// One way to instantiate an Emscripten ES module on every host: in Node the .wasm bytes are read
// here and passed as wasmBinary (Emscripten 3.1.6's loader cannot fetch file paths); in a browser
// or worker the .wasm is fetched and compiled here, or a WebAssembly.Module another thread
// already compiled is instantiated (the page hands its device module to the engine's Worker, so
// the same 370 KB are not fetched and compiled twice).
const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

// The compiled WebAssembly.Module behind each module made here (browsers only).
const compiledWasm = new WeakMap();

/** The WebAssembly.Module that `module` runs (null in Node): it can be posted to a Worker. */
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
 * (browsers) from `compiled`, that wasm already compiled.
 */
export async function instantiateWasm(moduleUrl, wasmUrl, { compiled } = {}) {
  const { default: factory } = await import(moduleUrl.href);
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return factory({ wasmBinary: await readFile(wasmUrl) });
  }
  const wasm = compiled ?? (await compileWasm(wasmUrl));
  const module = await new Promise((resolve, reject) => {
    factory({
      // Emscripten's hook: we instantiate, it goes on with the instance (3.1.6: return {}).
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm), reject);
        return {};
      },
    }).then(resolve, reject);
  });
  compiledWasm.set(module, wasm);
  return module;
}
