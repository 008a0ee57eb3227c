// Improv Wi-Fi over serial, the client side (improv-wifi.com/serial): packets "IMPROV", version
// 1, type, length, data, checksum (low byte of the sum of every byte before it), each sent at a
// line start and ended with a newline. ImprovClient runs on an open SerialPort-shaped port (the
// app's console, 115200) and turns RPC results into promises; everything else on the line is
// console text, handed to onText.

const kHeader = [0x49, 0x4d, 0x50, 0x52, 0x4f, 0x56]; // "IMPROV"
const kVersion = 1;
export const ImprovType = { state: 0x01, error: 0x02, rpc: 0x03, result: 0x04 };
export const ImprovCommand = { wifi: 0x01, currentState: 0x02, info: 0x03, scan: 0x04 };
export const ImprovState = { ready: 0x02, provisioning: 0x03, provisioned: 0x04 };
/** serial.md "Packet: Error state". */
export const ImprovErrors = {
  0x01: 'invalid RPC packet',
  0x02: 'unknown RPC command',
  0x03: 'unable to connect to the network',
  0x05: 'bad hostname',
  0xff: 'unknown error',
};

const checksum = (bytes) => bytes.reduce((s, b) => s + b, 0) & 0xff;
const utf8 = new TextEncoder();

/** The bytes of one packet of `type` with `data`, newline included. */
export function encodePacket(type, data) {
  const body = [...kHeader, kVersion, type, data.length, ...data];
  return Uint8Array.from([...body, checksum(body), 0x0a]);
}

/** An RPC command packet: [command, length, data...] as the data of a type 0x03 packet. */
export function encodeRpc(command, data = []) {
  return encodePacket(ImprovType.rpc, [command, data.length, ...data]);
}

/** Send Wi-Fi settings: [ssid length, ssid, password length, password] (UTF-8). */
export function wifiSettings(ssid, password) {
  const s = utf8.encode(ssid);
  const p = utf8.encode(password);
  return [s.length, ...s, p.length, ...p];
}

/** An RPC result's strings: [command, length, (n, bytes)...] -> {command, strings}. */
export function decodeResult(data) {
  const strings = [];
  let at = 2;
  const end = 2 + (data[1] ?? 0);
  while (at < end && at < data.length) {
    const n = data[at];
    strings.push(new TextDecoder().decode(Uint8Array.from(data.slice(at + 1, at + 1 + n))));
    at += 1 + n;
  }
  return { command: data[0], strings };
}

/**
 * Splits a byte stream into Improv packets and console text: push(bytes) calls
 * onPacket({type, data}) for each packet with a valid checksum and onText(text) for the rest.
 */
export class ImprovDecoder {
  constructor({ onPacket, onText }) {
    Object.assign(this, { onPacket, onText });
    this.line = [];
    this.need = 0; // whole packet length once its header is in
    this.text = new TextDecoder();
  }

  push(bytes) {
    const plain = [];
    for (const b of bytes) {
      if (this.need === 0 && this.line.length === 0 && b !== kHeader[0]) {
        plain.push(b);
        continue;
      }
      this.line.push(b);
      const n = this.line.length;
      if (this.need === 0 && n <= kHeader.length && b !== kHeader[n - 1]) {
        plain.push(...this.line);
        this.line = [];
        continue;
      }
      if (this.need === 0 && n === 9) this.need = 9 + this.line[8] + 1;
      if (this.need !== 0 && n === this.need) {
        const packet = this.line;
        this.line = [];
        this.need = 0;
        if (packet[6] === kVersion && checksum(packet.slice(0, -1)) === packet.at(-1)) {
          this.onPacket?.({ type: packet[7], data: packet.slice(9, -1) });
        }
      }
    }
    if (plain.length) this.onText?.(this.text.decode(Uint8Array.from(plain), { stream: true }));
  }
}

/**
 * Talks Improv on an open port. read() is pumped by the caller (it owns the reader) through
 * push(bytes); requests resolve with RPC results or reject with the device's error state or
 * after `timeoutMs`.
 */
export class ImprovClient {
  constructor(port, { onText, onState } = {}) {
    this.port = port;
    this.onState = onState;
    this.state = null;
    this.pending = null; // {command, resolve, reject, results, timer}
    this.decoder = new ImprovDecoder({ onPacket: (p) => this.packet(p), onText });
  }

  push(bytes) {
    this.decoder.push(bytes);
  }

  packet({ type, data }) {
    if (type === ImprovType.state) {
      this.state = data[0];
      this.onState?.(this.state);
      if (this.pending?.command === ImprovCommand.currentState) this.settle(null, { state: this.state });
    } else if (type === ImprovType.error && data[0] !== 0 && this.pending) {
      this.settle(new Error(`Improv: ${ImprovErrors[data[0]] ?? `error 0x${data[0].toString(16)}`}`));
    } else if (type === ImprovType.result && this.pending) {
      const result = decodeResult(data);
      if (result.command !== this.pending.command) return;
      // A scan answers one result per network, then an empty one.
      if (result.command === ImprovCommand.scan) {
        if (result.strings.length) this.pending.results.push(result.strings);
        else this.settle(null, this.pending.results);
      } else this.settle(null, result.strings);
    }
  }

  settle(error, value) {
    const p = this.pending;
    this.pending = null;
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(value);
  }

  async request(command, data = [], timeoutMs = 2000) {
    if (this.pending) throw new Error('Improv: one request at a time');
    const answer = new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.settle(new Error('Improv: the device did not answer')), timeoutMs);
      this.pending = { command, resolve, reject, results: [], timer };
    });
    const writer = this.port.writable.getWriter();
    try {
      await writer.write(encodeRpc(command, data));
    } finally {
      writer.releaseLock();
    }
    return answer;
  }

  /**
   * Asks until `waitMs` has passed (the app may still be booting), each try `tryMs`; resolves
   * to {firmware, version, chip, name, state}, or rejects when nothing answered.
   */
  async detect(waitMs, tryMs = 1000) {
    const deadline = performance.now() + waitMs;
    for (;;) {
      try {
        return await this.info(tryMs);
      } catch (error) {
        if (performance.now() + tryMs > deadline) throw error;
      }
    }
  }

  /** {firmware, version, chip, name}, or rejects when no Improv device answers in time. */
  async info(timeoutMs) {
    await this.request(ImprovCommand.currentState, [], timeoutMs);
    const [firmware, version, chip, name] = await this.request(ImprovCommand.info, [], timeoutMs);
    return { firmware, version, chip, name, state: this.state };
  }

  /** [{ssid, rssi, secured}] as the device sees them. */
  async scan(timeoutMs = 10000) {
    const list = await this.request(ImprovCommand.scan, [], timeoutMs);
    return list.map(([ssid, rssi, auth]) => ({ ssid, rssi: Number(rssi), secured: auth === 'YES' }));
  }

  /** Sends the credentials; resolves to the URL the device offers (may be ''). */
  async provision(ssid, password, timeoutMs = 30000) {
    const [url = ''] = await this.request(ImprovCommand.wifi, wifiSettings(ssid, password), timeoutMs);
    return url;
  }
}
