// hw-sim servers and asynchronous CLI runs for the device tests: a server is started on port 0,
// its first line ("listening on 127.0.0.1:PORT") gives the port, and it is killed at the end.
// Every wait has a deadline, so a broken server or client fails a test instead of hanging it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, root } from './helpers.mjs';

export const hwsimPath = process.env.HWSIM_PATH ?? join(root, 'build/native/hw-sim');
export const hasHwSim = existsSync(hwsimPath);

/** Starts `hw-sim --chip CHIP --port 0 --protocol PROTOCOL ...extra`; resolves once it listens. */
export function startHwSim({ chip = 'esp32', protocol = 'rfc2217', extra = [] } = {}) {
  const child = spawn(hwsimPath, ['--chip', chip, '--port', '0', '--protocol', protocol, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('hw-sim did not start within 5 s')), 5000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${stderr}`));
    };
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`hw-sim exited with ${code} before listening`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^listening on ([\d.]+):(\d+)\s*$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.resume();
      const scheme = protocol === 'raw' ? 'socket' : 'rfc2217';
      resolve({
        child,
        port: Number(m[2]),
        url: `${scheme}://${m[1]}:${m[2]}`,
        stop: () => stop(child),
      });
    });
  });
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * Runs the CLI asynchronously in `cwd`; resolves to {status, stdout, stderr, ms}. `onStdout`
 * sees the output as it grows (to act mid-run). Killed after `timeoutMs`, reported as status
 * 'timeout'.
 */
export function runCliAsync(args, cwd, { timeoutMs = 60000, onStdout } = {}) {
  const started = Date.now();
  const child = spawn(process.execPath, [cliPath, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    onStdout?.(stdout);
  });
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: timedOut ? 'timeout' : code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The last non-empty line of a CLI run's stdout. */
export const lastLine = (text) => text.trimEnd().split('\n').pop();

/**
 * A failed device command's tail: the "A fatal error occurred: ..." line and what may follow it
 * (esptool's troubleshooting link after a failed connect, our "Hint: ..." line). Asserts nothing
 * else follows; returns {fatal, link, hint} (null where absent).
 */
export function fatalTail(stdout) {
  const lines = stdout.trimEnd().split('\n');
  const at = lines.findLastIndex((l) => l.startsWith('A fatal error occurred: '));
  if (at < 0) throw new Error(`no fatal error line in:\n${stdout}`);
  const rest = lines.slice(at + 1);
  const link = rest.find((l) => l.startsWith('For troubleshooting steps visit: ')) ?? null;
  const hint = rest.find((l) => l.startsWith('Hint: ')) ?? null;
  if (rest.length !== Number(Boolean(link)) + Number(Boolean(hint))) throw new Error(`unexpected lines after the fatal error:\n${rest.join('\n')}`);
  return { fatal: lines[at], link, hint };
}
