// SimClient: the port's side of the conversation with its SimHost (sim-host.js lists the
// messages): creates the simulated chip once, sends fire-and-forget messages (bytes, signals) and
// requests with replies, and hands events (output bytes, link lost) to the port. The SimHost runs
// in a module Worker (browsers: the chip stays off the page's thread) or on the same thread
// (Node, tests, hosts without Worker); both deliver messages asynchronously and in order.

class WorkerLink {
  constructor(onMessage, onFailure) {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event) => onMessage(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      onFailure(new Error(`The virtual device's worker failed: ${event.message || 'it could not be loaded'}.`));
    };
    this.worker.onmessageerror = () => onFailure(new Error("The virtual device's worker sent a message that could not be read."));
  }
  post(message, transfer = []) {
    this.worker.postMessage(message, transfer);
  }
  terminate() {
    this.worker.terminate();
  }
}

class InlineLink {
  constructor(onMessage, SimHost) {
    this.closed = false;
    this.host = new SimHost((message) => queueMicrotask(() => this.closed || onMessage(message)));
  }
  post(message) {
    queueMicrotask(() => this.closed || this.host.handle(message));
  }
  terminate() {
    this.closed = true;
  }
}

export class SimClient {
  /**
   * @param {{worker: boolean, device: object}} options device: SimHost's create options
   * @param {{onData: (bytes: Uint8Array) => void, onLost: () => void}} events
   */
  constructor(options, events) {
    this.options = options;
    this.events = events;
    this.link = null;
    this.ready = null; // the chip's creation, once started
    this.created = false;
    this.destroyed = false;
    this.nextId = 1;
    this.pending = new Map();
  }

  /** Starts the link and creates the chip, once; a failure may be retried. */
  ensure() {
    if (this.destroyed) return Promise.reject(new DOMException('The port has been forgotten.', 'InvalidStateError'));
    if (!this.ready) {
      this.ready = this.startLink()
        .then(() => this.request({ op: 'create', options: this.options.device }))
        .then((value) => {
          this.created = true;
          return value;
        })
        .catch((error) => {
          this.ready = null;
          this.link?.terminate();
          this.link = null;
          throw error;
        });
    }
    return this.ready;
  }

  async startLink() {
    const onMessage = (message) => this.onMessage(message);
    if (this.options.worker) {
      this.link = new WorkerLink(onMessage, (error) => this.onFailure(error));
    } else {
      const { SimHost } = await import('./sim-host.js');
      this.link = new InlineLink(onMessage, SimHost);
    }
  }

  /** A message with no reply (write, signals); the transfer list's buffers move to the host. */
  post(message, transfer) {
    this.link?.post(message, transfer);
  }

  /** Resolves to the host's value; rejects with its error (RangeError kept). */
  request(message) {
    if (!this.link) return Promise.reject(new DOMException('The virtual device is not running.', 'InvalidStateError'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.link.post({ ...message, id });
    });
  }

  /** Ends the chip and the link; pending requests reject with `reason`. */
  async destroy(reason) {
    this.destroyed = true;
    if (this.ready) {
      await this.ready.then(() => this.request({ op: 'destroy' })).catch(() => {});
      this.link?.terminate();
      this.link = null;
      this.ready = null;
      this.created = false;
    }
    this.rejectAll(reason);
  }

  onMessage(message) {
    if (message.event === 'data') return this.events.onData(message.bytes);
    if (message.event === 'lost') return this.events.onLost(message.reason);
    const waiter = this.pending.get(message.id);
    if (!waiter) return undefined;
    this.pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(message.name === 'RangeError' ? new RangeError(message.message) : new Error(message.message));
    return undefined;
  }

  onFailure(error) {
    const wasRunning = this.created;
    this.rejectAll(error);
    this.link?.terminate();
    this.link = null;
    this.ready = null;
    this.created = false;
    if (wasRunning) this.events.onLost(); // the chip is gone with its worker
  }

  rejectAll(reason) {
    for (const { reject } of this.pending.values()) reject(reason);
    this.pending.clear();
  }
}
