// The driver: runs one device command of the sans-I/O engine (core/engine/engine.h) over a
// PortIo. It takes the pending action, performs it with real timers, reports back with
// performance.now() as the engine's clock, and forwards events. It is the only JS that waits on
// a port or a timer; it never looks inside the bytes.
import { EsptoolError, unwrap } from './errors.js';
import { PortClosedError } from './port-io.js';
import { stubLoader } from './stubs.js';

const now = () => performance.now();

// When the port always has data ready (a fast link, the unpaced virtual device), every await in
// the loop resolves at once and the loop would hold the thread for a whole command: it gives
// the event loop a turn after this long (the page's rule: no main-thread task over 50 ms).
const kSliceMs = 15;
// Not setTimeout(0) where there is better: Node clamps it to 1 ms, which after each 16 KiB block
// kept the next one off the wire that long (a 1 MiB write yields about once per block).
const yieldToEventLoop = () => {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
};

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

// Node's timers count from the event loop's cached time, which lags the clock by whatever ran
// since the loop last woke: a 100 ms reset pulse once lasted 98.6 ms. What is left is slept again.
async function sleepUntil(deadline, signal) {
  for (let left = deadline - now(); left > 0 && !signal?.aborted; left = deadline - now()) {
    await sleep(left, signal);
  }
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

// A port gone for good is told to the engine, which ends the command with its own words (what
// was written); it answers every action after that the same way, so this many is a bug.
const kMaxLostAnswers = 10000;

async function perform(session, io, action, options, lost) {
  try {
    return await performOnPort(session, io, action, options);
  } catch (cause) {
    if (!(cause instanceof PortClosedError) || options.signal?.aborted || ++lost.count > kMaxLostAnswers) throw cause;
    return session.lost(now(), cause.message);
  }
}

// The stub file core asked for (request.stubsOnDemand), from `loadStub` (stubs.js stubLoader):
// its bytes, none when it is not shipped, or why it could not be had (core words the error).
async function serveStub(session, file, loadStub) {
  if (!loadStub) return session.supply(new Uint8Array(), now());
  let bytes;
  try {
    bytes = await loadStub(file);
  } catch (cause) {
    return session.unavailable(now(), cause?.message ?? String(cause));
  }
  return session.supply(bytes, now());
}

async function performOnPort(session, io, action, { signal, onTrace, loadStub }) {
  switch (action.kind) {
    case 'write':
      onTrace?.('write', action.bytes);
      await io.write(action.bytes);
      return session.complete(now());
    case 'read': {
      const data = await io.read(action.deadline, signal);
      if (!data) return session.timeout(now());
      // An empty chunk: the port went away and is looked for again (PortIo.read).
      if (!data.length) return session.interrupted(now());
      onTrace?.('read', data);
      return session.feed(data, now());
    }
    case 'signals':
      onTrace?.('signals', { dtr: action.dtr, rts: action.rts });
      await io.setSignals(action.dtr, action.rts);
      return session.complete(now());
    case 'baud':
      onTrace?.('baud', action.baud);
      await io.setBaud(action.baud);
      return session.complete(now());
    case 'sleep':
      // Until the engine's deadline, not for its duration: work the engine did before asking
      // (compressing a write during connect's reset pulse) already counts toward the wait.
      await sleepUntil(action.until, signal);
      signal?.throwIfAborted();
      return session.complete(now());
    case 'stub':
      return serveStub(session, action.file, loadStub);
    default:
      throw new Error(`unknown engine action ${action.kind}`);
  }
}

// A write whose files the host compresses (options.deflate: input bytes -> Promise of the zlib
// stream, e.g. on a worker thread). The inputs the engine queued go out at its first wait
// (connect's reset pulse: copying them out and starting a worker then delays nothing) and the
// streams come back between engine steps (promise callbacks run only while the driver awaits
// the port). A write waits for its region's stream; a failed one is reported as an empty stream,
// and the engine compresses that region itself. end() drops whatever is still to come once the
// command has ended.
function deflateOnTheSide(session, deflate) {
  let live = true;
  let sent = false;
  return {
    atWait() {
      if (sent) return;
      sent = true;
      session.deflateAheadInputs().forEach((input, index) => {
        // A deflater that throws (no Worker could be started) fails that file, not the command.
        new Promise((resolve) => resolve(deflate(input))).then(
          (stream) => live && session.provideDeflated(index, stream),
          () => live && session.provideDeflated(index, new Uint8Array()),
        );
      });
    },
    end() {
      live = false;
    },
  };
}

/**
 * Runs `request` (a DeviceRequest object) on `session` (a wasm DeviceSession) over `io`.
 * Resolves to the report {facts, data}; rejects with EsptoolError. Callbacks: onProgress(event
 * {stage, done, total, offset, text}) and onLog(line, {fromDevice}), fromDevice marking text
 * the chip printed (boot log) rather than esptool's own messages; onTrace(kind, value) sees every
 * byte written and read ('write'/'read', Uint8Array) and every 'signals'/'baud' change;
 * loadStub(file) serves the stub file core asks for (stubs.js stubLoader); deflate(bytes)
 * compresses a write's files elsewhere (deflateOnTheSide).
 * @param {any} m the wasm module
 */
export async function runDeviceCommand(m, session, io, request, options = {}) {
  const { signal, deflate } = options;
  let sideDeflate = null;
  try {
    signal?.throwIfAborted();
    unwrap(session.start(deflate ? { ...request, hostDeflates: true } : request, now()));
    if (deflate) sideDeflate = deflateOnTheSide(session, deflate);
    let sliceStart = now();
    const lost = { count: 0 };
    for (;;) {
      if (now() - sliceStart > kSliceMs) {
        await yieldToEventLoop();
        sliceStart = now();
      }
      drainEvents(session, options);
      if (session.finished()) break;
      signal?.throwIfAborted();
      const action = session.pollAction();
      if (!action) throw new Error('the engine is waiting without an action');
      if (action.kind === 'sleep') sideDeflate?.atWait();
      await perform(session, io, action, options, lost);
    }
    drainEvents(session, options);
    unwrap(session.status());
    return session.report();
  } catch (cause) {
    throw hostError(m, cause, signal);
  } finally {
    sideDeflate?.end();
  }
}

/**
 * Runs commands with the engine on this thread: one wasm DeviceSession for the device's life,
 * and the stub files it fetched kept for it.
 */
export class InlineEngine {
  constructor(m) {
    this.m = m;
    this.session = new m.DeviceSession();
    this.loadStub = stubLoader();
  }
  run(request, io, options) {
    return runDeviceCommand(this.m, this.session, io, request, { loadStub: this.loadStub, ...options });
  }
  close() {
    this.session.delete();
  }
}
