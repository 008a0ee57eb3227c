// PortIo: the byte-level side of a SerialPort-shaped port (Web Serial's SerialPort, the
// simulator's virtual port, the Node TCP/RFC2217 adapters): one reader pump that queues whatever
// arrives, deadline reads from that queue, writes, signals and baud changes. It frames nothing;
// the engine does. A baud change uses the adapter's setBaudRate() when it has one, and a close
// and reopen otherwise (Web Serial fixes the rate at open()). A 'disconnect' event on the port
// (Web Serial fires it on the SerialPort when the device goes away) ends the pending read at
// once, so a command fails with the port-lost error instead of waiting for its timeout.
// With `reacquire` (boards on a native USB console, which re-enumerate on every chip reset, and
// any USB port while recovery is on: a replugged cable), a lost port is looked for again instead.
// The next read reports the loss at once (an empty chunk: the engine decides what it means);
// later reads, writes and line changes wait for the new port, which is opened at the same rate;
// only when it does not come back within the hook's time is the port lost. PortIo decides
// nothing about the command: resuming and what was written are the engine's business.

export class PortClosedError extends Error {}

// A re-found port that does not open is looked for again this many times, this far apart.
const kOpenAttempts = 3;
const kOpenRetryMs = 250;
// A write the port never takes (a peer that stopped reading: a stalled pty or socket, a USB
// console whose chip no longer drains it) would wait forever; it gets twice the time its bytes
// need at the port's rate plus this much, and then counts as the port's loss.
const kWriteSlackMs = 3000;

export class PortIo {
  /** @param {any} port SerialPort-shaped */
  /**
   * hooks: reacquire(oldPort) -> Promise<newPort> (null: a lost port stays lost),
   * onPortChange(newPort) after a re-acquire, onLost() when the port is gone for good;
   * writeSlackMs, how long past its bytes' time a write may wait for the port (tests shorten it).
   */
  constructor(port, openOptions = {}, hooks = {}) {
    this.port = port;
    this.openOptions = openOptions;
    this.hooks = hooks;
    this.reacquiring = null; // the search for the re-enumerated port, while it runs
    this.lossUnreported = false; // the port went away and no read has said so yet
    this.chunks = [];
    this.waiter = null; // resolves a pending read when data arrives or the stream ends
    this.ended = null; // why the readable side ended (PortClosedError), if it did
    this.reader = null;
    this.pump = null;
    this.onDisconnect = () => this.lose(new PortClosedError('the device was unplugged'));
    this.writeSlackMs = hooks.writeSlackMs ?? kWriteSlackMs; // tests shorten it
  }

  async open(baudRate) {
    await this.port.open({ ...this.openOptions, baudRate });
    this.baudRate = baudRate; // what the monitor compares its rate with
    this.ended = null;
    this.port.addEventListener?.('disconnect', this.onDisconnect);
    this.startPump();
  }

  startPump() {
    const reader = this.port.readable.getReader();
    this.reader = reader;
    this.pump = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          // A pump whose port was given up on (lose() cleared the queue) has nothing to add.
          if (value?.length && this.reader === reader) {
            this.chunks.push(value);
            this.wake();
          }
        }
        if (this.reader === reader) this.lose(new PortClosedError('the port closed'));
      } catch (cause) {
        if (this.reader === reader) this.lose(new PortClosedError(cause?.message ?? String(cause)));
      } finally {
        reader.releaseLock();
        this.wake();
      }
    })();
  }

  // The port went away: lost, or (native USB) looked for again.
  lose(error) {
    if (this.reacquiring || this.ended) return;
    if (!this.hooks.reacquire) {
      this.ended = error;
      this.wake();
      this.hooks.onLost?.();
      return;
    }
    const old = this.port;
    const { pump, reader } = this;
    old.removeEventListener?.('disconnect', this.onDisconnect);
    this.reader = null; // the old pump's end is not this port's end
    reader?.cancel().catch(() => {});
    this.chunks = [];
    this.lossUnreported = true;
    this.wake();
    this.reacquiring = (async () => {
      try {
        // Closed, so that the same object can open again if it stands for the device when it
        // is back (a replugged bridge may keep its SerialPort).
        await pump?.catch(() => {});
        await old.close?.().catch(() => {});
        const port = await this.openAgain(old);
        this.hooks.onPortChange?.(port);
      } catch (cause) {
        this.ended = new PortClosedError(`${error.message.replace(/\.$/, '')}; ${cause?.message ?? cause}`);
        this.hooks.onLost?.();
      } finally {
        this.reacquiring = null;
        this.wake();
      }
    })();
  }

  // The port standing for the device again, opened at the rate in use. A port that is found but
  // does not open yet (a device still enumerating, its node's permissions not yet set) is looked
  // for again, a few times.
  async openAgain(old) {
    for (let attempt = 1; ; attempt++) {
      const port = await this.hooks.reacquire(old);
      try {
        this.port = port;
        await this.open(this.baudRate);
        return port;
      } catch (cause) {
        if (attempt >= kOpenAttempts) throw cause;
        await new Promise((resolve) => setTimeout(resolve, kOpenRetryMs));
      }
    }
  }

  // Resolves once a re-acquire in progress has ended (found or given up), or at `signal`.
  async waitForPort(signal) {
    const search = this.reacquiring;
    if (!search) return;
    if (!signal) return search;
    await new Promise((resolve) => {
      signal.addEventListener('abort', resolve, { once: true });
      search.then(resolve);
    });
    signal.throwIfAborted();
  }

  /**
   * A new operation (command, monitor, reset) starts: a loss since the last one (a board that
   * re-enumerated at the last command's hard reset) belongs to neither, so it is not reported,
   * and its port is waited for.
   */
  async settle(signal) {
    await this.waitForPort(signal);
    this.lossUnreported = false;
  }

  wake() {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  /**
   * Waits until bytes are queued or `deadline` (performance.now() milliseconds) passes.
   * Resolves to all queued bytes, or null at the deadline, or an empty Uint8Array once when the
   * port went away and is being looked for again; rejects when the port is gone for good.
   */
  async read(deadline, signal) {
    for (;;) {
      // The loss comes first: bytes queued now came from the new port, and the engine must
      // know the connection changed before it reads them (a reply read past the loss let a
      // later read report it, mid-command: tests/browser/reacquire, 1 run in 4).
      if (this.lossUnreported) {
        this.lossUnreported = false;
        return new Uint8Array(0);
      }
      if (this.chunks.length) return this.takeAll();
      if (this.reacquiring) {
        await this.waitForPort(signal);
        continue;
      }
      if (this.ended) throw this.ended;
      signal?.throwIfAborted();
      const wait = deadline - performance.now();
      if (wait <= 0) return null;
      await new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, wait);
        signal?.addEventListener('abort', done, { once: true });
        this.waiter = done;
      });
    }
  }

  takeAll() {
    const n = this.chunks.reduce((sum, c) => sum + c.length, 0);
    const out = new Uint8Array(n);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks = [];
    return out;
  }

  async write(bytes) {
    await this.lostOr(async () => {
      const writer = this.port.writable.getWriter();
      const limitMs = this.writeSlackMs + (2 * bytes.length * 10 * 1000) / (this.baudRate || 9600);
      let timer;
      const stalled = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new PortClosedError(`the port took no data for ${Math.round(limitMs)} ms`)), limitMs);
      });
      const written = writer.write(bytes);
      written.catch(() => {}); // given up on when it stalls: its own end no longer matters
      try {
        await Promise.race([written, stalled]);
      } finally {
        clearTimeout(timer);
        writer.releaseLock();
      }
    });
  }

  // A port that went away fails writes, signal and baud changes as lost; with `reacquire` it is
  // looked for instead, and the next read reports the loss (what was being sent is gone).
  async lostOr(operation) {
    await this.reacquiring;
    if (this.ended) throw this.ended;
    try {
      await operation();
    } catch (cause) {
      const error = cause instanceof PortClosedError ? cause : new PortClosedError(cause?.message ?? String(cause));
      if (!this.hooks.reacquire || this.ended) throw error;
      this.lose(error);
    }
  }

  async setSignals(dtr, rts) {
    // A line change asked for while the board was away belonged to the old connection (the rest
    // of the reset sequence that made it re-enumerate); the new port starts from its own lines,
    // and replaying the change there would reset the chip a second time.
    // One asked for after a read reported the loss is the engine's for the new port. Staleness
    // is about the loss, not the search: a board found again within one of the sequence's
    // sleeps must not get the sequence's last steps either (they reset the virtual ESP32-S3 a
    // second time, mid-command: tests/browser/reacquire, 1 run in 4).
    await this.reacquiring;
    if (this.lossUnreported && !this.ended) return;
    await this.lostOr(() => this.port.setSignals({ dataTerminalReady: dtr, requestToSend: rts }));
  }

  async setBaud(baudRate) {
    if (typeof this.port.setBaudRate === 'function') {
      await this.lostOr(() => this.port.setBaudRate(baudRate));
      this.baudRate = baudRate;
      return;
    }
    await this.lostOr(async () => {
      await this.close();
      await this.open(baudRate);
    });
  }

  async close() {
    await this.reacquiring;
    this.port.removeEventListener?.('disconnect', this.onDisconnect);
    const reader = this.reader;
    this.reader = null;
    if (reader) {
      await reader.cancel().catch(() => {});
      await this.pump;
    }
    this.chunks = [];
    // A port given up on after a re-acquire was closed then already.
    const closing = this.port.close();
    await (this.ended ? closing.catch(() => {}) : closing);
  }
}
