// Pseudo-terminals bridged to hw-sim's raw TCP server with Debian's socat: a real local serial
// device path (open, termios, flock all real) whose far end is a simulated chip. A pty carries
// no DTR/RTS and no line rate. socat's "starting data transfer loop" line says both ends are up.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;

/** Starts `socat PTY,link=DIR/NAME,raw,echo=0 TCP:127.0.0.1:PORT`; resolves {path, stop}. */
export function startPty(dir, tcpPort, name = 'ttyV0') {
  const path = join(dir, name);
  const child = spawn('socat', ['-d', '-d', `PTY,link=${path},raw,echo=0`, `TCP:127.0.0.1:${tcpPort}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('socat did not connect within 5 s')), 5000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${log}`));
    };
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`socat exited with ${code}`)));
    child.stderr.on('data', (d) => {
      log += d;
      if (started || !/starting data transfer loop/.test(log)) return;
      started = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ path, child, stop: () => stop(child) });
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
