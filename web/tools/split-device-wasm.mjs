// Splits the device module in two with binaryen's wasm-split (issue 10: the page's critical path):
// esptool-device.wasm, what a flash runs (device-profile-flows.mjs), and
// esptool-device.deferred.wasm, the rest, loaded when first called (web/src/deferred-wasm.js).
// The split follows a profile: the unsplit module is instrumented, the flows run on it against
// the virtual device, and every function they called stays in the primary. Then each half's
// functions are put in the order gzip compresses best (order-wasm-functions.mjs), and the text only
// the deferred half uses moves there (move-deferred-strings.mjs).
// Usage: node web/tools/split-device-wasm.mjs UNSPLIT.wasm GLUE.js OUT_DIR
// Skips the work when the stamp beside UNSPLIT says the same inputs were split before.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { moveDeferredStrings } from './move-deferred-strings.mjs';
import { orderWasmFunctions } from './order-wasm-functions.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [unsplit, glue, outDir] = process.argv.slice(2).map((p) => resolve(p));
const primary = join(outDir, 'esptool-device.wasm');
const deferred = join(outDir, 'esptool-device.deferred.wasm');
const stampFile = unsplit.replace(/\.wasm$/, '.split.json'); // beside the input: the output folder is served
// What Emscripten 3.1.6 emits for this build (-mtail-call; the rest are its defaults); wasm-split
// refuses a module that uses a feature it was not told of.
const kFeatures = ['--enable-tail-call', '--enable-mutable-globals', '--enable-sign-ext', '--enable-bulk-memory'];

const inputsHash = createHash('sha256');
const tools = ['device-profile-flows.mjs', 'move-deferred-strings.mjs', 'order-wasm-functions.mjs', 'split-device-wasm.mjs', 'wasm-sections.mjs'];
for (const f of [unsplit, ...tools.map((name) => fileURLToPath(new URL(name, import.meta.url)))]) {
  inputsHash.update(readFileSync(f));
}
const source = inputsHash.digest('hex');
const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null;
if (stamp?.source === source && existsSync(primary) && existsSync(deferred)) process.exit(0);

const work = mkdtempSync(join(tmpdir(), 'esptool-split-'));
try {
  const instrumented = join(work, 'instrumented.wasm');
  execFileSync('wasm-split', ['--instrument', ...kFeatures, unsplit, '-o', instrumented]);

  // The flows load the device module through the public API; naming it first makes that the
  // instrumented one.
  const { loadNamedModule } = await import('../src/load-wasm.js');
  const m = await loadNamedModule('device', { js: pathToFileURL(glue), wasm: pathToFileURL(instrumented) });
  const { runProfileFlows } = await import('./device-profile-flows.mjs');
  await runProfileFlows({ root });

  // The instrumented module writes its profile (which functions ran) into memory it is given.
  const exports = Object.values(m.asm);
  const memory = exports.find((e) => e instanceof WebAssembly.Memory);
  const at = memory.buffer.byteLength;
  memory.grow(16);
  const length = m.asm.__write_profile(at, 16 * 65536);
  const profile = join(work, 'profile.data');
  writeFileSync(profile, new Uint8Array(memory.buffer, at, length));

  execFileSync('wasm-split', ['--split', ...kFeatures, '--export-prefix=%', `--profile=${profile}`, unsplit, '-o1', primary, '-o2', deferred]);
  for (const half of [primary, deferred]) orderWasmFunctions(half, half, kFeatures);
  const text = moveDeferredStrings(primary, deferred, kFeatures);
  const sizes = { unsplit: statSync(unsplit).size, primary: statSync(primary).size, deferred: statSync(deferred).size };
  writeFileSync(stampFile, `${JSON.stringify({ source, ...sizes }, null, 1)}\n`);
  console.log(`split: esptool-device.wasm ${sizes.unsplit} B -> ${sizes.primary} B + deferred ${sizes.deferred} B (${text.moved} B of text moved there)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
// The virtual device's Workers and timers must not keep the build waiting.
process.exit(0);
