// `npm run bench`: wall time and peak memory of the offline tools (elf2image, image_info,
// merge_bin) on a ~4 MB app in the wasm build under Node, the same through the Node CLI, the
// native CLI and esptool.py 4.8.1 (cli.mjs) for comparison, the page's transfer size, and the device figures (device.mjs):
// write_flash in virtual time against hw-sim, connect-to-ready, --skip-unchanged, and a 1 MiB
// write by esptool-js 0.7.0 and by our CLI against a real-time paced hw-sim server. Prints
// markdown tables and writes the raw figures to build/bench/results.json.
//   node tests/bench/run.mjs [--reps N] [--cli-reps M] [--device-reps D] [--page-reps P]
//     [--fault-seeds F] [--recovery-seeds S]
// Every measurement runs in a fresh process (peak RSS is per operation); figures are medians of
// N runs of each API measurement (default 5) and M of each CLI one (default 3: they repeat the
// API's work with process start-up added, and the bench should stay near a minute), and D of
// each wall-clock device write (default 3; each takes ~10 s of paced serial time). Inputs are
// generated (make_fixtures, device_bench), never committed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { virtualTime, wallClock } from './device.mjs';
import { wasmOps } from './ops.mjs';
import { measureClis } from './cli.mjs';
import { pageTransferSize } from './page-size.mjs';
import { pageFlash, responsivenessMisses } from './page-flash.mjs';
import { faultsSideBySide, faultsTable } from './faults-side-by-side.mjs';
import { recoveryTable, recoveryTally } from './recovery-tally.mjs';
import { installSizeTable, installTransferSize } from './install-size.mjs';
import { criticalPath, criticalPathTables, kCriticalPathBudget, moduleSizes, overBudget } from './critical-path.mjs';
import {
  cliTable,
  connectTable,
  deviceWriteTable,
  machine,
  pageTable,
  skipTable,
  wallClockTable,
  pageFlashTable,
  wasmTable,
} from './report.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const at = (...p) => join(root, ...p);
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && Number(argv[i + 1]) > 0 ? Number(argv[i + 1]) : fallback;
};
const reps = option('--reps', 5);
const cliReps = option('--cli-reps', 3);
const deviceReps = option('--device-reps', 3);
const pageReps = option('--page-reps', 1);
const benchDir = at('build/bench');
const inputDir = join(benchDir, 'inputs');
const outDir = join(benchDir, 'out');

const tools = {
  makeFixtures: at('build/native/make_fixtures'),
  native: at('build/native/esptool_native'),
};

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.status !== 0) {
    fail(`${cmd} ${args.join(' ')} exited with ${r.status}\n${r.stderr}${r.error ?? ''}`);
  }
  return r;
}

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

async function makeInputs() {
  for (const f of ['web/dist/esptool-tools.js', 'web/dist/esptool-tools.wasm', 'web/dist/esptool-device.wasm', 'web/dist/esptool-core.wasm']) {
    if (!existsSync(at(f))) fail(`${f} is missing: build first (bash web/tools/build.sh)`);
  }
  if (!existsSync(tools.makeFixtures)) fail('build/native/make_fixtures is missing: build first');
  mkdirSync(inputDir, { recursive: true });
  run(tools.makeFixtures, [inputDir]);
  const elf = join(inputDir, 'large_app.elf');
  run(tools.makeFixtures, ['--large-app', elf]);
  // The app image every later operation reads, made once by the API under test.
  const api = await import('../../web/src/index.js');
  if (typeof api.elf2image !== 'function') fail('web/src/index.js does not export elf2image yet');
  const { files } = await api.elf2image(new Uint8Array(readFileSync(elf)), {
    chip: 'esp32',
    flashMode: 'dio',
    flashFreq: '40m',
    flashSize: '4MB',
  });
  const app = join(inputDir, 'large_app.bin');
  writeFileSync(app, files[0].data);
  return {
    elf,
    app,
    bootloader: join(inputDir, 'boot_esp32.bin'),
    partitions: join(inputDir, 'partitions.bin'),
  };
}

function measureWasm(name, op, inputs) {
  const paths = Object.fromEntries(op.inputs.map((k) => [k, inputs[k]]));
  const runs = [];
  for (let i = 0; i < reps; ++i) {
    const r = run(process.execPath, [at('tests/bench/wasm-op.mjs'), name, JSON.stringify(paths)]);
    runs.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const hashes = new Set(runs.map((r) => r.outputSha256));
  if (hashes.size > 1) fail(`${name}: the runs produced different outputs`);
  const pick = (k) => median(runs.map((r) => r[k]));
  return {
    name,
    label: op.label,
    runs,
    outputSha256: runs[0].outputSha256,
    outputBytes: runs[0].outputBytes,
    loadMs: pick('loadMs'),
    coldMs: pick('coldMs'),
    coldCpuMs: pick('coldCpuMs'),
    warmMs: pick('warmMs'),
    maxRssKiB: pick('maxRssKiB'),
    wasmMemoryBytes: pick('wasmMemoryBytes'),
  };
}

function cpuModel() {
  const info = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return info.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
}

async function main() {
  const started = performance.now();
  const loadBefore = os.loadavg()[0];
  mkdirSync(outDir, { recursive: true });
  const inputs = await makeInputs();
  const sizes = Object.fromEntries(
    Object.entries(inputs).map(([k, p]) => [k, readFileSync(p).length]),
  );

  const wasm = Object.entries(wasmOps).map(([name, op]) => measureWasm(name, op, inputs));
  let clis;
  try {
    clis = measureClis({ root, benchDir, outDir, inputs, ops: wasmOps, reps: cliReps, native: tools.native });
  } catch (error) {
    fail(error.message);
  }
  const cli = clis.rows;
  // Parity for free: both CLIs and the API (except image_info, whose API result is an object)
  // must have produced the same bytes.
  const mismatches = cli
    .filter((c) => c.tool === 'native')
    .filter((n) => {
      const w = cli.find((c) => c.tool === 'wasm' && c.name === n.name);
      const a = n.name === 'image_info' ? null : wasm.find((x) => x.name === n.name);
      return (w && w.outputSha256 !== n.outputSha256) || (a && a.outputSha256 !== n.outputSha256);
    })
    .map((n) => n.name);

  // Until the page exists, count what an embedder's page would load: the API and the wasm.
  const entry = existsSync(at('web/page/index.html')) ? 'web/page/index.html' : 'web/src/index.js';
  const page = { entry, ...pageTransferSize(at(entry), at('web'), root) };

  const device = virtualTime({ root, inputDir, fail });
  const { runs: wallRuns, esptoolPyMissing } = await wallClock({ root, benchDir, file: join(inputDir, 'firmware_1MiB.bin'), reps: deviceReps });
  const wallFailures = Object.values(wallRuns).flat().filter((r) => !r.ok).map((r) => r.error);
  const wall = { reps: deviceReps, runs: wallRuns, esptoolPyMissing };
  for (const [tool, runs] of Object.entries(wallRuns)) {
    const ok = runs.filter((r) => r.ok);
    wall[tool] = { wallMs: median(ok.map((r) => r.wallMs)), writeMs: median(ok.map((r) => r.writeMs)), wireMs: median(ok.map((r) => r.wireMs)) };
  }
  const pageFlashRuns = await pageFlash({ app: readFileSync(inputs.app), inputDir, inputs, reps: pageReps });
  const pageFailures = pageFlashRuns.filter((r) => !r.ok).map((r) => r.error);
  const install = await installTransferSize();
  const faults = await faultsSideBySide({ root, benchDir, seeds: option('--fault-seeds', 10) });
  const recovery = recoveryTally({ root, fail, seeds: option('--recovery-seeds', 20) });
  const critical = { budgetGzip: kCriticalPathBudget, chips: await criticalPath(), modules: moduleSizes() };
  const results = {
    date: new Date().toISOString(),
    command: 'npm run bench',
    reps,
    cliReps,
    machine: {
      nproc: os.availableParallelism?.() ?? os.cpus().length,
      cpu: cpuModel(),
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      // Other work on the machine inflates wall times; the 1-minute load average says how much.
      loadAverage: [loadBefore, os.loadavg()[0]].map((x) => Math.round(x * 10) / 10),
    },
    inputs: sizes,
    wasm,
    cli,
    cliOutputMismatches: mismatches,
    cliEsptoolPy: clis.esptoolPy.missing ? { missing: clis.esptoolPy.missing } : { command: clis.esptoolPy.command },
    cliNodeStartMs: clis.nodeStartMs,
    page,
    device,
    wallClock: wall,
    pageFlash: { reps: pageReps, runs: pageFlashRuns },
    install,
    faults,
    recovery,
    critical,
    totalSeconds: 0,
  };
  results.totalSeconds = (performance.now() - started) / 1000;
  writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log(machine(results));
  console.log(wasmTable(results));
  if (cli.length) console.log(cliTable(results));
  console.log(pageTable(results));
  console.log(deviceWriteTable(results));
  console.log(connectTable(results));
  console.log(skipTable(results));
  console.log(wallClockTable(results));
  console.log(pageFlashTable(results));
  console.log(installSizeTable(results.install));
  console.log(faultsTable(results.faults));
  console.log(recoveryTable(results.recovery));
  console.log(criticalPathTables(critical.chips, critical.modules));
  console.log(
    `\nRaw results: build/bench/results.json (${results.totalSeconds.toFixed(0)} s in all)`,
  );
  // Figures for code that gives different bytes are not worth quoting: fail the run.
  if (mismatches.length) fail(`the API and the CLIs disagree on: ${mismatches.join(', ')}`);
  if (device.failure) fail(`device figures: ${device.failure}`);
  const unsafe = faults.plans.filter((p) => p.ours.silent || p.ours.hung).map((p) => p.name);
  if (unsafe.length) fail(`our CLI ended a faulty write silently wrong or hung under: ${unsafe.join(', ')}`);
  if (recovery.failure) fail(`recovery tally: a run ended silent, hung or unclear (${recovery.failure})`);
  if (wallFailures.length) fail(`wall-clock device writes:\n${wallFailures.join('\n')}`);
  if (pageFailures.length) fail(`page flash:\n${pageFailures.join('\n')}`);
  // Responsiveness is judged on the best run: a machine busy elsewhere lengthens tasks, it does
  // not shorten them, so one run within the targets shows the page can meet them.
  const misses = pageFlashRuns.map(responsivenessMisses);
  if (!misses.some((m) => m.length === 0)) fail(`the page missed its responsiveness targets:\n${misses[0].join('\n')}`);
  const over = overBudget(critical.chips);
  if (over.length) fail(`the page's critical path is over ${kCriticalPathBudget} B gzip (or failed) for: ${over.join(', ')}`);
}

await main();
