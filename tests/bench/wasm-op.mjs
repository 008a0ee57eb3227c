// One benchmark measurement in a fresh Node process, so that peak RSS belongs to one operation:
//   node tests/bench/wasm-op.mjs OP INPUTS_JSON
// Reads the inputs, loads the wasm module (timed), runs OP once (cold, timed; peak RSS read
// right after it; CPU time too, which a busy machine disturbs less than wall time), runs it once
// more (warm, timed), and prints one JSON line on stdout.
// OP names and their arguments are in ops.mjs; run.mjs spawns this file and collects the lines.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { wasmOps } from './ops.mjs';

const [opName, inputsJson] = process.argv.slice(2);
const op = wasmOps[opName];
if (!op) {
  console.error(`wasm-op: unknown operation ${opName}`);
  process.exit(2);
}
const paths = JSON.parse(inputsJson);
const inputs = {};
for (const [key, path] of Object.entries(paths)) inputs[key] = new Uint8Array(readFileSync(path));

const api = await import('../../web/src/index.js');
// The offline tools' module: the one the API's image functions load.
const { loadToolsModule } = await import('../../web/src/load-wasm.js');

const t0 = performance.now();
const module = await loadToolsModule();
const loadMs = performance.now() - t0;

let coldMs = null;
let coldCpuMs = null;
let warmMs = null;
let maxRssKiB;
let output = null;
if (op.run) {
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  output = await op.run(api, inputs);
  coldMs = performance.now() - t1;
  const used = process.cpuUsage(cpu);
  coldCpuMs = (used.user + used.system) / 1000; // all threads: includes V8's compiler and GC
  maxRssKiB = process.resourceUsage().maxRSS;
  const t2 = performance.now();
  await op.run(api, inputs);
  warmMs = performance.now() - t2;
} else {
  maxRssKiB = process.resourceUsage().maxRSS;
}

const result = {
  op: opName,
  loadMs,
  coldMs,
  coldCpuMs,
  warmMs,
  maxRssKiB,
  // Linear memory only grows (ALLOW_MEMORY_GROWTH), so its size now is its peak.
  wasmMemoryBytes: module.HEAP8.buffer.byteLength,
  outputBytes: output ? output.length : null,
  outputSha256: output ? createHash('sha256').update(output).digest('hex') : null,
  // Process start to the end of the run: what a CLI user waits for, minus process teardown.
  sinceStartMs: performance.now(),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
