// PortIo: the byte-level side of a SerialPort-shaped port (Web Serial's SerialPort, the
// simulator's virtual port, the Node TCP/RFC2217 adapters): one reader pump that queues whatever
// arrives, deadline reads from that queue, writes, signals and baud changes. It frames nothing;
// the engine does. A baud change uses the adapter's setBaudRate() when it has one, and a close
// and reopen otherwise (Web Serial fixes the rate at open()).

export class PortClosedError extends Error {}

export class PortIo {
  /** @param {any} port SerialPort-shaped */
  constructor(port, openOptions = {}) {
    this.port = port;
    this.openOptions = openOptions;
    this.chunks = [];
    this.waiter = null; // resolves a pending read when data arrives or the stream ends
    this.ended = null; // why the readable side ended (PortClosedError), if it did
    this.reader = null;
    this.pump = null;
  }

  async open(baudRate) {
    await this.port.open({ ...this.openOptions, baudRate });
    this.ended = null;
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
          if (value?.length) {
            this.chunks.push(value);
            this.wake();
          }
        }
        if (this.reader === reader) this.ended = new PortClosedError('the port closed');
      } catch (cause) {
        if (this.reader === reader) this.ended = new PortClosedError(cause?.message ?? String(cause));
      } finally {
        reader.releaseLock();
        this.wake();
      }
    })();
  }

  wake() {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  /**
   * Waits until bytes are queued or `deadline` (performance.now() milliseconds) passes.
   * Resolves to all queued bytes, or null at the deadline; rejects when the port is gone.
   */
  async read(deadline, signal) {
    for (;;) {
      if (this.chunks.length) return this.takeAll();
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
    if (this.ended) throw this.ended;
    const writer = this.port.writable.getWriter();
    try {
      await writer.write(bytes);
    } catch (cause) {
      throw new PortClosedError(cause?.message ?? String(cause));
    } finally {
      writer.releaseLock();
    }
  }

  async setSignals(dtr, rts) {
    await this.port.setSignals({ dataTerminalReady: dtr, requestToSend: rts });
  }

  async setBaud(baudRate) {
    if (typeof this.port.setBaudRate === 'function') {
      await this.port.setBaudRate(baudRate);
      return;
    }
    await this.close();
    await this.open(baudRate);
  }

  async close() {
    const reader = this.reader;
    this.reader = null;
    if (reader) {
      await reader.cancel().catch(() => {});
      await this.pump;
    }
    this.chunks = [];
    await this.port.close();
  }
}
