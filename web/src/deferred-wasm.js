// The second half of a module split by wasm-split (web/tools/split-device-wasm.mjs): the code a
// flash never runs (reads, erases, register access, most error paths) lives in NAME.deferred.wasm
// and is loaded the first time the primary calls into it. wasm-split leaves in the primary's table
// one "placeholder" import per moved function; the first call of any of them instantiates the
// deferred module, whose element segments put the real functions into those table slots, and
// every call then goes on to the real function.
//
// The load is synchronous because the call that needs it is: Node reads the file, a Worker (where
// the engine runs in a browser) uses a synchronous XHR, and the page's thread a synchronous XHR
// in the x-user-defined charset (the only binary one a window may make). The flows the split was
// profiled on never get here, so a flash fetches nothing more.
const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);
const isWindow = typeof document !== 'undefined';

/** True when the compiled wasm was split and imports its placeholders. */
export function isSplit(compiled) {
  return WebAssembly.Module.imports(compiled).some((i) => i.module === 'placeholder');
}

/** esptool-device.wasm -> esptool-device.deferred.wasm */
export const deferredUrlOf = (wasmUrl) => new URL(wasmUrl.href.replace(/\.wasm$/, '.deferred.wasm'));

function readSync(url, readFileSync) {
  if (isNode) return readFileSync(url);
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url.href, false);
  if (isWindow) xhr.overrideMimeType('text/plain; charset=x-user-defined');
  else xhr.responseType = 'arraybuffer';
  xhr.send();
  if (xhr.status !== 200 && xhr.status !== 0) throw new Error(`${url.pathname}: HTTP ${xhr.status}`);
  if (!isWindow) return new Uint8Array(xhr.response);
  const text = xhr.responseText;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/**
 * The "placeholder" import object for a split primary at `wasmUrl`. `instance()` gives the
 * primary's instance once it exists (placeholders are only called after that).
 */
export async function placeholderImports(wasmUrl, instance) {
  const url = deferredUrlOf(wasmUrl);
  const readFileSync = isNode ? (await import('node:fs')).readFileSync : null;
  let loaded = false;
  const load = () => {
    const exports = instance().exports;
    let bytes;
    try {
      bytes = readSync(url, readFileSync);
    } catch (cause) {
      throw new Error(`Could not load ${url.pathname.split('/').pop()}, which this command needs: ${cause?.message ?? cause}`, { cause });
    }
    new WebAssembly.Instance(new WebAssembly.Module(bytes), { primary: exports });
    loaded = true;
  };
  let table = null;
  return new Proxy(
    {},
    {
      get(_, slot) {
        // Only table slots are placeholders (not, say, 'then', which `await` looks for).
        if (!/^\d+$/.test(String(slot))) return undefined;
        return (...args) => {
          if (!loaded) load();
          table ??= Object.values(instance().exports).find((e) => e instanceof WebAssembly.Table);
          return table.get(Number(slot))(...args);
        };
      },
    },
  );
}
