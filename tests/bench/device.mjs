// The device part of `npm run bench` (issue #3 scope 5):
// - virtualTime(): build/native/device_bench (engine against an in-process hw-sim in virtual
//   time; deterministic, so one run is the figure) -> writes, connect-to-ready, skip-unchanged.
// - wallClock(): the same 1 MiB write at 921600 by esptool-js 0.7.0 (tests/bench/
//   esptool-js-write.mjs), by esptool.py 4.8.1 (where python3 and its packages are there; see
//   faults-side-by-side.mjs findEsptoolPy) and by our CLI, each in a fresh process against a
//   fresh `hw-sim --baud-pacing on` RFC 2217 server, timed from spawn to exit; after each write
//   our CLI's verify_flash checks the server's flash, so a tool that did not really write fails
//   the bench. The wire time (compressed bytes x 10 / baud) is the floor they are compared with.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHwSim } from '../node/hwsim.mjs';
import { cliEnv } from './cli.mjs';
import { findEsptoolPy } from './faults-side-by-side.mjs';

const kAppOffset = '0x10000';
const kBaud = '921600';

/** Runs device_bench; returns its JSON (and fails the bench on a non-zero exit). */
export function virtualTime({ root, inputDir, fail }) {
  const tool = join(root, 'build/native/device_bench');
  if (!existsSync(tool)) fail('build/native/device_bench is missing: build first');
  mkdirSync(inputDir, { recursive: true });
  const stubs = join(root, 'node_modules/esptool-js/lib/targets/stub_flasher');
  const t0 = performance.now();
  const r = spawnSync(tool, ['--stubs', stubs, '--inputs', inputDir], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  let result = null;
  try {
    result = JSON.parse(r.stdout);
  } catch {
    fail(`device_bench printed no JSON (exit ${r.status})\n${r.stderr}`);
  }
  result.seconds = (performance.now() - t0) / 1000;
  // Its checks (read-back, skip-unchanged <= 10%) decide; the figures are still reported.
  result.failure = r.status === 0 ? null : r.stderr.split('\n').filter((l) => !/: \d+ ms \(/.test(l)).join('\n');
  return result;
}

// Each tool runs in the CLI rows' environment (cli.mjs cliEnv): without this machine's
// NODE_EXTRA_CA_CERTS, which Node parses before any script (40-70 ms of every Node start here;
// no tool here uses TLS), so it weighs on neither Node tool's time.
function timed(cmd, args, { cwd, timeoutMs = 120000 }) {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ status: signal ? signal : code, stdout, stderr, wallMs: performance.now() - t0 });
    });
  });
}

// "Wrote 1048576 bytes (545 compressed) at 0x00010000 in 5.2 seconds": every tool prints it.
const wroteSeconds = (text) => {
  const m = /Wrote \d+ bytes.* in ([\d.]+) seconds/.exec(text);
  return m ? Number(m[1]) * 1000 : null;
};
const compressedBytes = (text) => {
  const m = /Wrote \d+ bytes \((\d+) compressed\)/.exec(text);
  return m ? Number(m[1]) : null;
};

// [command, ...args] of one tool's write to `server`.
function writeCommand(tool, { root, file, server, esptoolPy }) {
  if (tool === 'esptool-js') {
    return [process.execPath, join(root, 'tests/bench/esptool-js-write.mjs'), String(server.port), kBaud, kAppOffset, file];
  }
  if (tool === 'esptool.py') {
    // ign_set_control: pyserial's RFC 2217 client would otherwise wait for the server to
    // confirm each control-line change.
    return [...esptoolPy, '--port', `${server.url}?ign_set_control`, '--baud', kBaud, 'write_flash', kAppOffset, file];
  }
  return [process.execPath, join(root, 'web/cli/esptool-wasm.js'), '--port', server.url, '--baud', kBaud, 'write_flash', kAppOffset, file];
}

async function oneWrite(tool, { root, file, esptoolPy }) {
  const server = await startHwSim({ chip: 'esp32', protocol: 'rfc2217', extra: ['--baud-pacing', 'on'] });
  try {
    const cli = join(root, 'web/cli/esptool-wasm.js');
    const [cmd, ...args] = writeCommand(tool, { root, file, server, esptoolPy });
    const run = await timed(cmd, args, { cwd: root });
    let text = run.stdout;
    if (tool === 'esptool-js') {
      try {
        text = JSON.parse(run.stdout.trim().split('\n').pop()).lines.join('\n');
      } catch {
        /* reported below */
      }
    }
    if (run.status !== 0) {
      return { ok: false, error: `${tool} exited with ${run.status}: ${(run.stderr || run.stdout).slice(-2000)}` };
    }
    // Independent check of what the server's flash now holds.
    const check = await timed(
      process.execPath,
      [cli, '--port', server.url, '--baud', kBaud, 'verify_flash', kAppOffset, file],
      { cwd: root },
    );
    if (check.status !== 0 || !/-- verify OK/.test(check.stdout)) {
      return { ok: false, error: `${tool}: verify_flash after the write failed:\n${check.stdout}${check.stderr}` };
    }
    const compressed = compressedBytes(text);
    return { ok: true, wallMs: run.wallMs, writeMs: wroteSeconds(text), compressed, wireMs: compressed && (compressed * 10 * 1000) / Number(kBaud) };
  } finally {
    await server.stop();
  }
}

/**
 * esptool-js 0.7.0, esptool.py 4.8.1 and our CLI, alternating, `reps` runs each; medians by the
 * caller. Resolves to {runs: {tool: [run]}, esptoolPyMissing: why esptool.py did not run, or null}.
 */
export async function wallClock({ root, file, reps, benchDir = join(root, 'build/bench') }) {
  const runs = { 'esptool-js': [], 'esptool-wasm': [] };
  const py = findEsptoolPy(benchDir);
  if (py.command) runs['esptool.py'] = [];
  for (let i = 0; i < reps; ++i) {
    for (const tool of Object.keys(runs)) runs[tool].push(await oneWrite(tool, { root, file, esptoolPy: py.command }));
  }
  return { runs, esptoolPyMissing: py.missing ?? null };
}
