// The flasher stub JSON texts that the build copied from the esptool-js package into
// web/dist/stubs/ (with index.json listing them). Core picks the one for the detected chip; JS
// only hands over the texts by file name. Loaded once; an empty set means ROM-only.
const stubsUrl = new URL('../dist/stubs/', import.meta.url);
const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

let stubsPromise = null;

async function readText(name) {
  const url = new URL(name, stubsUrl);
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return readFile(url, 'utf8');
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

async function loadAll() {
  let names;
  try {
    names = JSON.parse(await readText('index.json'));
  } catch {
    return {}; // no stubs built: device commands run ROM-only
  }
  const texts = await Promise.all(names.map((name) => readText(name)));
  return Object.fromEntries(names.map((name, i) => [name, texts[i]]));
}

/** {fileName: jsonText} for every stub shipped with this package. */
export function defaultStubs() {
  if (!stubsPromise) stubsPromise = loadAll();
  return stubsPromise;
}
