// The flasher stub JSON files that the build copied from the esptool-js package into
// web/dist/stubs/ (with index.json listing them). Core picks the one for the detected chip and,
// on a page, asks the driver for that one file when it needs it (engine action 'stub'), so the
// other chips' stubs are never fetched. The CLI hands over all of them up front (defaultStubs).
const stubsUrl = new URL('../dist/stubs/', import.meta.url);
const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

// How long one stub file may take to arrive before the command fails with a clear error (the
// largest is 30 KB gzip; a slow link still gets it well within this).
const kStubFetchMs = 30000;

let stubsPromise = null;

// The text of `name`, or null when no such file is shipped (not built, not a stub of ours).
async function readText(name, timeoutMs = kStubFetchMs) {
  const url = new URL(name, stubsUrl);
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    try {
      return await readFile(url, 'utf8');
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
  return response.text();
}

async function loadAll() {
  const index = await readText('index.json').catch(() => null);
  if (index === null) return {}; // no stubs built: device commands run ROM-only
  const names = JSON.parse(index);
  const texts = await Promise.all(names.map((name) => readText(name)));
  return Object.fromEntries(names.map((name, i) => [name, texts[i]]));
}

/** {fileName: jsonText} for every stub shipped with this package (the CLI's set). */
export function defaultStubs() {
  if (!stubsPromise) stubsPromise = loadAll();
  return stubsPromise;
}

const encoder = new TextEncoder();

/**
 * A loader for one Device: file name -> Promise<Uint8Array> (empty when no such file is shipped;
 * rejects when it could not be fetched). Each file is fetched once; a failed fetch may be retried.
 */
export function stubLoader({ timeoutMs = kStubFetchMs } = {}) {
  const cache = new Map();
  return (name) => {
    if (!/^stub_flasher_[a-z0-9]+\.json$/.test(name)) return Promise.resolve(new Uint8Array());
    if (!cache.has(name)) {
      const loading = readText(name, timeoutMs).then((text) => encoder.encode(text ?? ''));
      loading.catch(() => cache.delete(name));
      cache.set(name, loading);
    }
    return cache.get(name);
  };
}
