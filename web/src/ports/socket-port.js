// SocketPort: a SerialPort-shaped object over a Node TCP socket (open/close/readable/writable/
// setSignals/getSignals/getInfo, plus setBaudRate for the driver). Node only. Subclasses decide
// how bytes are wrapped on the wire (raw, or RFC 2217's telnet escaping) and what a signal or
// baud change sends; this base owns the socket, the streams and the open/close life cycle.
import net from 'node:net';

const kConnectTimeoutMs = 5000;

export class SocketPort {
  /** @param {string} host @param {number} port */
  constructor(host, port, { url } = {}) {
    this.host = host;
    this.tcpPort = port;
    this.url = url ?? `socket://${host}:${port}`;
    this.socket = null;
    this.readable = null;
    this.writable = null;
    this.signals = { dataTerminalReady: false, requestToSend: false };
  }

  getInfo() {
    return {};
  }

  async getSignals() {
    return { dataCarrierDetect: false, clearToSend: false, ringIndicator: false, dataSetReady: false };
  }

  async open({ baudRate } = {}) {
    if (this.socket) throw new Error(`${this.url} is already open`);
    const socket = await this.connect();
    this.socket = socket;
    socket.setNoDelay(true);
    let closed = false; // the stream ended: socket closed, or the reader cancelled it
    this.readable = new ReadableStream({
      cancel: () => {
        closed = true;
      },
      start: (controller) => {
        const end = (error) => {
          if (closed) return;
          closed = true;
          this.onSocketEnd();
          if (error) controller.error(error);
          else controller.close();
        };
        socket.on('data', (chunk) => {
          if (closed) return;
          const data = this.decode(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
          if (data.length) controller.enqueue(data);
        });
        socket.on('error', (e) => end(e));
        socket.on('close', () => end(null));
      },
    });
    this.writable = new WritableStream({ write: (chunk) => this.send(this.encode(chunk)) });
    await this.afterOpen(baudRate ?? 115200);
  }

  connect() {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.tcpPort });
      const fail = (e) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new Error(`Could not open ${this.url}: ${e.code === 'ECONNREFUSED' ? 'connection refused' : e.message}`));
      };
      const timer = setTimeout(() => fail(new Error('connection timed out')), kConnectTimeoutMs);
      socket.once('error', fail);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', fail);
        resolve(socket);
      });
    });
  }

  /** Sends raw wire bytes; resolves once the socket has taken them. */
  send(bytes) {
    return new Promise((resolve, reject) => {
      const socket = this.socket;
      if (!socket || socket.destroyed) {
        reject(new Error(`${this.url} is closed`));
        return;
      }
      socket.write(bytes, (e) => (e ? reject(e) : resolve()));
    });
  }

  async close() {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.destroy();
      this.onSocketEnd();
    }
    this.readable = null;
    this.writable = null;
  }

  async setSignals(signals) {
    this.signals = { ...this.signals, ...signals };
  }

  async setBaudRate(_baudRate) {}

  // Hooks for subclasses.
  decode(data) {
    return data;
  }
  encode(data) {
    return data;
  }
  async afterOpen(_baudRate) {}
  onSocketEnd() {}
}

/**
 * Splits "scheme://host:port[?opt&opt=value]" into {scheme, host, port, options}; null when it
 * is not such a URL. Options are pyserial's URL options (rfc2217: ign_set_control, ...), as
 * {name: value or true}.
 */
export function parsePortUrl(text) {
  const m = /^([a-z0-9]+):\/\/(\[[^\]]+\]|[^:/?]+):(\d+)\/?(?:\?(.*))?$/i.exec(text ?? '');
  if (!m) return null;
  const port = Number(m[3]);
  if (port < 1 || port > 65535) return null;
  const options = {};
  for (const part of (m[4] ?? '').split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq < 0) options[part] = true;
    else options[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return { scheme: m[1].toLowerCase(), host: m[2].replace(/^\[|\]$/g, ''), port, options };
}
