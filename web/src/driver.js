// The driver: runs one device command of the sans-I/O engine (core/engine/engine.h) over a
// PortIo. It takes the pending action, performs it with real timers, reports back with
// performance.now() as the engine's clock, and forwards events. It is the only JS that waits on
// a port or a timer; it never looks inside the bytes.
import { EsptoolError, unwrap } from './errors.js';
import { PortClosedError } from './port-io.js';

const now = () => performance.now();

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Converts what a port or a wasm call threw into an EsptoolError (core's codes and names). */
function hostError(m, cause, signal) {
  if (cause instanceof EsptoolError) return cause;
  if (signal?.aborted) {
    return new EsptoolError(m.hostError('cancelled', 'Cancelled'), { cause });
  }
  if (cause instanceof PortClosedError) {
    return new EsptoolError(m.hostError('port_lost', `Serial port lost: ${cause.message}`), { cause });
  }
  return new EsptoolError(
    {
      code: 0x00ff,
      name: 'internal',
      message: `Internal error while driving the device: ${cause?.message ?? cause}`,
      hint: 'Please report this with the command that caused it.',
    },
    { cause },
  );
}

function drainEvents(session, { onProgress, onLog }) {
  for (let e = session.pollEvent(); e; e = session.pollEvent()) {
    if (e.kind === 'log') onLog?.(e.text, { fromDevice: e.fromDevice });
    else onProgress?.(e);
  }
}

async function perform(session, io, action, signal) {
  switch (action.kind) {
    case 'write':
      await io.write(action.bytes);
      return session.complete(now());
    case 'read': {
      const data = await io.read(action.deadline, signal);
      return data ? session.feed(data, now()) : session.timeout(now());
    }
    case 'signals':
      await io.setSignals(action.dtr, action.rts);
      return session.complete(now());
    case 'baud':
      await io.setBaud(action.baud);
      return session.complete(now());
    case 'sleep':
      await sleep(action.duration, signal);
      signal?.throwIfAborted();
      return session.complete(now());
    default:
      throw new Error(`unknown engine action ${action.kind}`);
  }
}

/**
 * Runs `request` (a DeviceRequest object) on `session` (a wasm DeviceSession) over `io`.
 * Resolves to the report {facts, data}; rejects with EsptoolError. Callbacks: onProgress(event
 * {stage, done, total, offset, text}) and onLog(line, {fromDevice}), fromDevice marking text
 * the chip printed (boot log) rather than esptool's own messages.
 * @param {any} m the wasm module
 */
export async function runDeviceCommand(m, session, io, request, options = {}) {
  const { signal } = options;
  try {
    signal?.throwIfAborted();
    unwrap(session.start(request, now()));
    for (;;) {
      drainEvents(session, options);
      if (session.finished()) break;
      signal?.throwIfAborted();
      const action = session.pollAction();
      if (!action) throw new Error('the engine is waiting without an action');
      await perform(session, io, action, signal);
    }
    drainEvents(session, options);
    unwrap(session.status());
    return session.report();
  } catch (cause) {
    throw hostError(m, cause, signal);
  }
}
