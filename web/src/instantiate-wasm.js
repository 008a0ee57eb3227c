// One way to instantiate an Emscripten ES module on every host: in Node the .wasm bytes are read
// here and passed as wasmBinary (Emscripten 3.1.6's loader cannot fetch file paths); in a browser
// or worker the loader fetches the .wasm next to its .js.
const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

/** Resolves to the module made by the factory at `moduleUrl`, with its wasm from `wasmUrl`. */
export async function instantiateWasm(moduleUrl, wasmUrl) {
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
