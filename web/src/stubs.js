// The flasher stubs that the build converted from the esptool-js package's JSON files into
// web/dist/stubs/*.bin (with index.json listing them). Core picks the one for the detected chip and,
// on a page, asks the driver for that one file when it needs it (engine action 'stub'), so the
// other chips' stubs are never fetched. The CLI hands over all of them up front (defaultStubs).
const stubsUrl = new URL('../dist/stubs/', import.meta.url);
const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

// How long one stub file may take to arrive before the command fails with a clear error (the
// largest, the ESP8266's, is 9 KB; a slow link still gets it well within this).
const kStubFetchMs = 30000;

let stubsPromise = null;

// The bytes of `name`, or null when no such file is shipped (not built, not a stub of ours).
async function readFileBytes(name, timeoutMs = kStubFetchMs) {
  const url = new URL(name, stubsUrl);
  if (isNode) {
    // Synchronous: small local files, and node:fs is loaded already (node:fs/promises is not).
    const { readFileSync } = await import('node:fs');
    try {
      return new Uint8Array(readFileSync(url));
    } catch (error) {
      if (error?.code === 'ENOENT') return null;
      throw error;
    }
  }
  let response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (error?.name === 'TimeoutError') throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
    throw new Error(`${url}: ${error?.message ?? error}`);
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function loadAll() {
  const index = await readFileBytes('index.json').catch(() => null);
  if (index === null) return {}; // no stubs built: device commands run ROM-only
  const names = JSON.parse(new TextDecoder().decode(index));
  const files = await Promise.all(names.map((name) => readFileBytes(name)));
  return Object.fromEntries(names.map((name, i) => [name, files[i]]));
}

/** {fileName: Uint8Array} for every stub shipped with this package (the CLI's set). */
export function defaultStubs() {
  if (!stubsPromise) stubsPromise = loadAll();
  return stubsPromise;
}

/**
 * A loader for one Device: file name -> Promise<Uint8Array> (empty when no such file is shipped;
 * rejects when it could not be fetched). Each file is fetched once; a failed fetch may be retried.
 */
export function stubLoader({ timeoutMs = kStubFetchMs } = {}) {
  const cache = new Map();
  return (name) => {
    if (!/^stub_flasher_[a-z0-9]+\.bin$/.test(name)) return Promise.resolve(new Uint8Array());
    if (!cache.has(name)) {
      const loading = readFileBytes(name, timeoutMs).then((bytes) => bytes ?? new Uint8Array());
      loading.catch(() => cache.delete(name));
      cache.set(name, loading);
    }
    return cache.get(name);
  };
}
