// Converts the flasher stubs of the installed esptool-js package (JSON with base64 sections) into
// the form the device engine reads (core/stub/stub_binary.h), through the core's own conversion:
//   node web/tools/convert-stubs.mjs SRC_DIR DEST_DIR
// Writes DEST_DIR/stub_flasher_*.bin and DEST_DIR/index.json (their names), each only when its
// bytes changed, and removes stubs the package no longer ships. The stubs are not ours to vendor
// (design.md principle 5): they come from the registry package at build time, never from git.
import { readdir, readFile, writeFile, unlink, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stubBinaryName, stubFromJson } from '../src/index.js';

const [src, dest] = process.argv.slice(2);
if (!src || !dest) {
  console.error('usage: node web/tools/convert-stubs.mjs SRC_DIR DEST_DIR');
  process.exit(2);
}

async function writeIfChanged(path, bytes) {
  const old = await readFile(path).catch(() => null);
  if (old && Buffer.compare(old, Buffer.from(bytes)) === 0) return;
  await writeFile(path, bytes);
}

await mkdir(dest, { recursive: true });
const sources = (await readdir(src)).filter((name) => /^stub_flasher_[a-z0-9]+\.json$/.test(name)).sort();
const names = [];
for (const name of sources) {
  const text = await readFile(join(src, name), 'utf8');
  let converted;
  try {
    converted = await stubFromJson(text);
  } catch (error) {
    console.error(`convert-stubs: ${join(src, name)}: ${error.message}`);
    process.exit(1);
  }
  const out = await stubBinaryName(name);
  await writeIfChanged(join(dest, out), converted);
  names.push(out);
}
for (const name of await readdir(dest)) {
  if (name !== 'index.json' && !names.includes(name)) await unlink(join(dest, name));
}
await writeIfChanged(join(dest, 'index.json'), `${JSON.stringify(names)}\n`);
