// Issue 12's side-by-side: our CLI and esptool.py 4.8.1 writing the same 1 MiB of firmware-like
// data (tests/node/device-fixtures.mjs) to `hw-sim --faults PLAN --seed N`, the same plans and seeds
// for both, each run in a fresh process against a fresh server. The verdict of a run comes from
// the flash itself (hw-sim saves it to --flash-file when the client leaves): verified (exit 0,
// the bytes are there), clean error (non-zero exit), silent (exit 0, wrong bytes) or hung (killed
// after kRunLimitMs). esptool.py is run from its v4.8.1 source where we can get it (ESPTOOL_PY,
// or a shallow clone of its public repository under build/bench/) with Debian's python3-serial,
// -intelhex and -yaml; where we cannot, its column says why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHwSim } from '../node/hwsim.mjs';
import { testData } from '../node/device-fixtures.mjs';

const kPlans = [
  { name: 'flip 2e-5', faults: 'flip=2e-5' },
  { name: 'drop 2e-5', faults: 'drop=2e-5' },
  { name: 'garbage 5e-5, 40 ms delays', faults: 'garbage=5e-5,delay_ms=40' },
];
const kOffset = 0x10000;
const kSize = 1024 * 1024;
const kRunLimitMs = 180000;
const kPythonPackages = ['python3-serial', 'python3-intelhex', 'python3-yaml'];

function timedRun(cmd, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), kRunLimitMs);
    const t0 = performance.now();
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, hung: signal === 'SIGKILL', ms: performance.now() - t0, out });
    });
  });
}

/** esptool.py v4.8.1 as [python, script], or {missing: why} (also used by cli.mjs). */
export function findEsptoolPy(benchDir) {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return { missing: 'no /usr/bin/python3' };
  const lacking = kPythonPackages.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout !== 'install ok installed');
  if (lacking.length) {
    const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...lacking], { encoding: 'utf8' });
    if (r.status !== 0) return { missing: `apt-get install ${lacking.join(' ')} failed` };
  }
  let script = process.env.ESPTOOL_PY;
  if (!script) {
    const dir = join(benchDir, 'esptool-4.8.1');
    script = join(dir, 'esptool.py');
    if (!existsSync(script)) {
      rmSync(dir, { recursive: true, force: true });
      const r = spawnSync('git', ['clone', '--quiet', '--depth', '1', '--branch', 'v4.8.1', 'https://github.com/espressif/esptool', dir], { encoding: 'utf8' });
      if (r.status !== 0) return { missing: `could not clone esptool v4.8.1 (${r.stderr.trim().split('\n').pop()})` };
    }
  }
  const v = spawnSync(python, [script, 'version'], { encoding: 'utf8' });
  if (!/^4\.8\.1$/m.test(v.stdout)) return { missing: `${script} is not esptool.py 4.8.1 (${(v.stdout + v.stderr).trim().split('\n').pop()})` };
  return { command: [python, script] };
}

// Waits for hw-sim's save of the flash after the client left (an atomic rename, into a path
// that did not exist before the run).
async function savedFlash(path) {
  for (let i = 0; i < 250 && !existsSync(path); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return existsSync(path) ? readFileSync(path) : null;
}

async function oneRun(tool, plan, seed, dir, data) {
  const flashFile = join(dir, `flash-${tool.key}.img`);
  rmSync(flashFile, { force: true });
  const sim = await startHwSim({ chip: 'esp32', extra: ['--faults', plan.faults, '--seed', String(seed), '--flash-file', flashFile] });
  try {
    const r = await timedRun(tool.command[0], [...tool.command.slice(1), '--port', sim.url, '--baud', '921600', 'write_flash', `0x${kOffset.toString(16)}`, 'data.bin'], dir);
    if (r.hung) return 'hung';
    if (r.code !== 0) return 'error';
    const flash = await savedFlash(flashFile);
    return flash && Buffer.compare(flash.subarray(kOffset, kOffset + kSize), data) === 0 ? 'verified' : 'silent';
  } finally {
    await sim.stop();
  }
}

/** Runs every plan x seed for both tools; resolves to {seeds, plans: [{name, ours, esptool}], esptoolMissing}. */
export async function faultsSideBySide({ root, benchDir, seeds = 10 }) {
  const dir = join(benchDir, 'faults');
  mkdirSync(dir, { recursive: true });
  const data = testData(kSize, 12);
  writeFileSync(join(dir, 'data.bin'), data);
  const tools = [{ key: 'ours', command: [process.execPath, join(root, 'web/cli/esptool-wasm.js')] }];
  const esptool = findEsptoolPy(benchDir);
  if (esptool.command) tools.push({ key: 'esptool', command: esptool.command });
  const plans = [];
  for (const plan of kPlans) {
    const row = { name: plan.name };
    for (const tool of tools) {
      const tally = { verified: 0, error: 0, silent: 0, hung: 0 };
      for (let seed = 1; seed <= seeds; seed++) tally[await oneRun(tool, plan, seed, dir, data)]++;
      row[tool.key] = tally;
    }
    plans.push(row);
  }
  return { seeds, plans, esptoolMissing: esptool.missing ?? null };
}

const cell = (t) => (t ? `${t.verified}/${t.verified + t.error + t.silent + t.hung} verified (${t.error} error, ${t.silent} silent, ${t.hung} hung)` : '–');

/** The README's side-by-side table. */
export function faultsTable(r) {
  const rows = r.plans.map((p) => `| ${p.name} | ${cell(p.ours)} | ${r.esptoolMissing ? `not run: ${r.esptoolMissing}` : cell(p.esptool)} |`);
  return [
    `\n### A 1 MiB write under line faults (hw-sim, ESP32, 921600 baud, seeds 1-${r.seeds})\n`,
    '| fault plan | esptool-wasm CLI | esptool.py 4.8.1 |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}
