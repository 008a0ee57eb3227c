// The device part of `npm run bench` (issue #3 scope 5):
// - virtualTime(): build/native/device_bench (engine against an in-process hw-sim in virtual
//   time; deterministic, so one run is the figure) -> writes, connect-to-ready, skip-unchanged.
// - wallClock(): the same 1 MiB write at 921600 by esptool-js 0.7.0 (tests/bench/
//   esptool-js-write.mjs) and by our CLI, each in a fresh process against a fresh
//   `hw-sim --baud-pacing on` RFC 2217 server, timed from spawn to exit; after each write our
//   CLI's verify_flash checks the server's flash, so a tool that did not really write fails the
//   bench.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHwSim } from '../node/hwsim.mjs';

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

function timed(cmd, args, { cwd, timeoutMs = 120000 }) {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
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

// "Wrote 1048576 bytes (545 compressed) at 0x00010000 in 5.2 seconds": both tools print it.
const wroteSeconds = (text) => {
  const m = /Wrote \d+ bytes.* in ([\d.]+) seconds/.exec(text);
  return m ? Number(m[1]) * 1000 : null;
};

async function oneWrite(tool, { root, file }) {
  const server = await startHwSim({ chip: 'esp32', protocol: 'rfc2217', extra: ['--baud-pacing', 'on'] });
  try {
    const cli = join(root, 'web/cli/esptool-wasm.js');
    const args =
      tool === 'esptool-js'
        ? [join(root, 'tests/bench/esptool-js-write.mjs'), String(server.port), kBaud, kAppOffset, file]
        : [cli, '--port', server.url, '--baud', kBaud, 'write_flash', kAppOffset, file];
    const run = await timed(process.execPath, args, { cwd: root });
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
    return { ok: true, wallMs: run.wallMs, writeMs: wroteSeconds(text) };
  } finally {
    await server.stop();
  }
}

/** esptool-js 0.7.0 vs our CLI, alternating, `reps` runs each; medians by the caller. */
export async function wallClock({ root, file, reps }) {
  const runs = { 'esptool-js': [], 'esptool-wasm': [] };
  for (let i = 0; i < reps; ++i) {
    for (const tool of Object.keys(runs)) runs[tool].push(await oneWrite(tool, { root, file }));
  }
  return runs;
}
