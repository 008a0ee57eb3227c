// The CLI rows of the bench: each offline operation (ops.mjs) run as a whole process by our Node
// CLI, the native twin and, where python3 can run it, esptool.py 4.8.1 (issue 10's target: the
// Node CLI at least 1.5x faster than esptool.py on elf2image, image_info and merge_bin). One
// invocation per run under /usr/bin/time (peak RSS, user + system CPU time); wall time from spawn
// to exit.
//
// NODE_EXTRA_CA_CERTS is left out of every CLI's environment: Node reads and parses that CA file
// before running any script (this project's machines set it for the npm registry; no esptool
// command uses TLS), which cost 60-100 ms of each start here. nodeStart records `node -e 0` with
// and without it, so the report shows what it would add.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findEsptoolPy } from './faults-side-by-side.mjs';

const kTime = '/usr/bin/time';
const kStartReps = 5;

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
// What esptool.py's output is compared on: a file as written; printed output (image_info) after
// its first line, the version banner, which names each tool ("esptool.py v4.8.1").
const comparable = (output, printed) => (printed ? output.subarray(output.indexOf(10) + 1) : output);

/** The environment every timed CLI process gets: this process's, without NODE_EXTRA_CA_CERTS. */
export function cliEnv() {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

// One timed process; throws when it fails (a broken CLI must not pass as a fast one).
function timedRun(cmd, args, { cwd, env, timeFile }) {
  const hasTime = existsSync(kTime);
  const [c, a] = hasTime ? [kTime, ['-f', '%M %U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(c, a, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}\n${r.stderr}${r.error ?? ''}`);
  const [rss, user, sys] = hasTime
    ? readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
    : [];
  return { stdout: r.stdout, wallMs, maxRssKiB: rss ?? null, cpuMs: hasTime ? (user + sys) * 1000 : null };
}

function nodeStart(root, outDir, env) {
  const walls = [];
  for (let i = 0; i < kStartReps; ++i) walls.push(timedRun(process.execPath, ['-e', '0'], { cwd: root, env, timeFile: join(outDir, 'time.txt') }).wallMs);
  return median(walls);
}

/**
 * Measures every op with a `cli` spelling for each tool it can run. Resolves to
 * { rows: [{tool, name, runs, wallMs, cpuMs, maxRssKiB, outputSha256, comparableSha256, outputBytes}],
 *   esptoolPy: {command} | {missing}, nodeStartMs: {bare, withExtraCaCerts} }.
 */
export function measureClis({ root, benchDir, outDir, inputs, ops, reps, native }) {
  const env = cliEnv();
  const esptoolPy = findEsptoolPy(benchDir);
  const tools = [{ tool: 'wasm', command: [process.execPath, join(root, 'web/cli/esptool-wasm.js')] }];
  if (existsSync(native)) tools.push({ tool: 'native', command: [native] });
  if (esptoolPy.command) tools.push({ tool: 'esptool.py', command: esptoolPy.command });
  // The tools take turns run by run, so a change in the machine's load falls on all of them.
  const rows = [];
  for (const [name, op] of Object.entries(ops)) {
    if (!op.cli) continue;
    const cases = tools.map(({ tool, command }) => {
      const out = join(outDir, `${name}.${tool}`);
      const args = op.cli.map((a) => (a === 'OUT' ? out : a.startsWith('@') ? inputs[a.slice(1)] : a));
      return { tool, command: [...command, ...args], out, runs: [], stdout: '' };
    });
    for (let i = 0; i < reps; ++i) {
      for (const c of cases) {
        rmSync(c.out, { force: true });
        const r = timedRun(c.command[0], c.command.slice(1), { cwd: root, env, timeFile: join(outDir, 'time.txt') });
        c.stdout = r.stdout;
        c.runs.push({ wallMs: r.wallMs, maxRssKiB: r.maxRssKiB, cpuMs: r.cpuMs });
      }
    }
    for (const { tool, out, runs, stdout } of cases) {
      const printed = !existsSync(out);
      const output = printed ? Buffer.from(stdout) : readFileSync(out);
      rows.push({
        tool,
        name,
        runs,
        wallMs: median(runs.map((r) => r.wallMs)),
        cpuMs: median(runs.map((r) => r.cpuMs)),
        maxRssKiB: median(runs.map((r) => r.maxRssKiB)),
        outputSha256: sha256(output),
        comparableSha256: sha256(comparable(output, printed)),
        outputBytes: output.length,
      });
    }
  }
  const withCa = { ...env, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS };
  const nodeStartMs = {
    bare: nodeStart(root, outDir, env),
    withExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS ? nodeStart(root, outDir, withCa) : null,
  };
  return { rows, esptoolPy, nodeStartMs };
}
