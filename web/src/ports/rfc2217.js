// rfc2217://HOST:PORT: a serial port behind an RFC 2217 server (telnet COM-PORT-OPTION), as
// pyserial's rfc2217 client speaks it: option negotiation on connect, SET-BAUDRATE / DATASIZE /
// PARITY / STOPSIZE, SET-CONTROL for DTR and RTS, each waiting for the server's answer (the
// request code + 100), and IAC (0xFF) doubled in the data both ways. Node only. With pyserial's
// ?ign_set_control URL option SET-CONTROL answers are not awaited (esptool's own
// esp_rfc2217_server does not send them).
import { SocketPort } from './socket-port.js';

// RFC 854 / 855 telnet commands and options.
const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
const BINARY = 0, ECHO = 1, SGA = 3, COM_PORT = 44;
// RFC 2217 §3 client commands; the server answers with the same code + 100.
const SET_BAUDRATE = 1, SET_DATASIZE = 2, SET_PARITY = 3, SET_STOPSIZE = 4, SET_CONTROL = 5;
const SERVER_OFFSET = 100;
// SET-CONTROL values.
const DTR_ON = 8, DTR_OFF = 9, RTS_ON = 11, RTS_OFF = 12;
// pyserial's rfc2217 client waits this long for an answer (its default timeout is 3 s).
const kAckTimeoutMs = 3000;

// Options we enable on our side / accept from the server (pyserial's rfc2217 option table).
const LOCAL_OK = new Set([BINARY, SGA, COM_PORT]);
const REMOTE_OK = new Set([BINARY, SGA, ECHO, COM_PORT]);

export class Rfc2217Port extends SocketPort {
  constructor(host, port, options = {}) {
    super(host, port, { url: `rfc2217://${host}:${port}` });
    this.ignoreSetControlAnswer = Boolean(options.ign_set_control);
    this.portKind = 'rfc2217'; // core's reset::PortKind: classic resets, one line per request
    this.resetTelnet();
  }

  resetTelnet() {
    this.state = 'data'; // data | iac | negotiate | sub | sub-iac
    this.command = 0;
    this.sub = [];
    this.local = new Map(); // option -> 'want' | 'yes' | 'no'
    this.remote = new Map();
    this.waiters = []; // {match(sub) -> bool, resolve, name}
    this.comPortEnabled = null; // resolver while waiting for DO COM-PORT-OPTION
  }

  async afterOpen(baudRate) {
    this.resetTelnet();
    const enabled = new Promise((resolve) => (this.comPortEnabled = resolve));
    // pyserial's opening requests: the options it marks REQUESTED.
    this.local.set(COM_PORT, 'want');
    this.local.set(SGA, 'want');
    this.remote.set(ECHO, 'want');
    this.remote.set(SGA, 'want');
    this.remote.set(COM_PORT, 'want');
    await this.send(
      Uint8Array.of(IAC, WILL, COM_PORT, IAC, DO, ECHO, IAC, WILL, SGA, IAC, DO, SGA, IAC, DO, COM_PORT),
    );
    if (!(await withTimeout(enabled, 'COM-PORT-OPTION negotiation', this.url))) {
      throw new Error(`${this.url} refused the RFC 2217 COM-PORT-OPTION; is it an RFC 2217 server?`);
    }
    await this.setBaudRate(baudRate);
    await this.request(SET_DATASIZE, [8], 'SET-DATASIZE');
    await this.request(SET_PARITY, [1], 'SET-PARITY'); // NONE
    await this.request(SET_STOPSIZE, [1], 'SET-STOPSIZE'); // 1 stop bit
    // pyserial's open() then sends DTR and RTS on; we send neither until the first setSignals,
    // since an esp_rfc2217_server (and hw-sim's bridge) takes a DTR-on as the start of a reset
    // and --before no_reset must leave a running stub alone.
  }

  async setBaudRate(baudRate) {
    const be = [(baudRate >>> 24) & 255, (baudRate >>> 16) & 255, (baudRate >>> 8) & 255, baudRate & 255];
    await this.request(SET_BAUDRATE, be, 'SET-BAUDRATE');
  }

  async setSignals(signals) {
    const next = { ...this.signals, ...signals };
    // DTR first, then RTS, as esptool's reset code writes them through pyserial.
    if (next.dataTerminalReady !== this.signals.dataTerminalReady) {
      await this.control(next.dataTerminalReady ? DTR_ON : DTR_OFF, 'DTR');
    }
    this.signals.dataTerminalReady = next.dataTerminalReady;
    if (next.requestToSend !== this.signals.requestToSend) {
      await this.control(next.requestToSend ? RTS_ON : RTS_OFF, 'RTS');
    }
    this.signals.requestToSend = next.requestToSend;
  }

  async open(options) {
    // Lines start released; the first setSignals() sends both.
    this.signals = { dataTerminalReady: undefined, requestToSend: undefined };
    await super.open(options);
  }

  control(value, name) {
    if (this.ignoreSetControlAnswer) return this.send(subnegotiation(SET_CONTROL, [value]));
    return this.request(SET_CONTROL, [value], `SET-CONTROL ${name}`, (sub) => sub[1] === value);
  }

  /** Sends IAC SB COM-PORT-OPTION command value IAC SE and waits for the server's answer. */
  async request(command, value, name, matchValue = () => true) {
    const answer = new Promise((resolve) => {
      this.waiters.push({ match: (sub) => sub[0] === command + SERVER_OFFSET && matchValue(sub), resolve });
    });
    await this.send(subnegotiation(command, value));
    if (!(await withTimeout(answer, name, this.url))) {
      throw new Error(`${this.url} did not acknowledge ${name}`);
    }
  }

  encode(data) {
    if (!data.includes(IAC)) return data;
    const out = [];
    for (const b of data) {
      out.push(b);
      if (b === IAC) out.push(IAC);
    }
    return Uint8Array.from(out);
  }

  // Telnet parser: returns the data bytes of a socket chunk, handles everything else.
  decode(chunk) {
    const data = [];
    for (const b of chunk) {
      switch (this.state) {
        case 'data':
          if (b === IAC) this.state = 'iac';
          else data.push(b);
          break;
        case 'iac':
          if (b === IAC) { data.push(IAC); this.state = 'data'; }
          else if (b === SB) { this.sub = []; this.state = 'sub'; }
          else if (b >= WILL && b <= DONT) { this.command = b; this.state = 'negotiate'; }
          else this.state = 'data'; // NOP, GA and friends carry nothing for us
          break;
        case 'negotiate':
          this.negotiate(this.command, b);
          this.state = 'data';
          break;
        case 'sub':
          if (b === IAC) this.state = 'sub-iac';
          else this.sub.push(b);
          break;
        case 'sub-iac':
          if (b === IAC) { this.sub.push(IAC); this.state = 'sub'; }
          else { if (b === SE) this.subnegotiation(this.sub); this.state = 'data'; }
          break;
      }
    }
    return Uint8Array.from(data);
  }

  negotiate(command, option) {
    const isLocal = command === DO || command === DONT;
    const table = isLocal ? this.local : this.remote;
    const ok = (isLocal ? LOCAL_OK : REMOTE_OK).has(option);
    const yes = isLocal ? WILL : DO, no = isLocal ? WONT : DONT;
    const was = table.get(option) ?? 'no';
    if (command === DO || command === WILL) {
      if (was === 'yes') return;
      if (ok) {
        if (was !== 'want') this.sendNow(yes, option);
        table.set(option, 'yes');
      } else {
        this.sendNow(no, option);
        table.set(option, 'no');
      }
    } else {
      if (was === 'yes') this.sendNow(no, option);
      table.set(option, 'no');
    }
    if (isLocal && option === COM_PORT && this.comPortEnabled) {
      this.comPortEnabled(command === DO);
      this.comPortEnabled = null;
    }
  }

  subnegotiation(sub) {
    if (sub[0] !== COM_PORT) return;
    const body = sub.slice(1);
    const i = this.waiters.findIndex((w) => w.match(body));
    if (i >= 0) this.waiters.splice(i, 1)[0].resolve(true);
    // Unsolicited NOTIFY-LINESTATE / NOTIFY-MODEMSTATE carry nothing the driver needs.
  }

  sendNow(command, option) {
    this.send(Uint8Array.of(IAC, command, option)).catch(() => {});
  }

  onSocketEnd() {
    for (const w of this.waiters.splice(0)) w.resolve(false);
    this.comPortEnabled?.(false);
    this.comPortEnabled = null;
  }
}

/** IAC SB COM-PORT-OPTION command value... IAC SE, IAC doubled in the value. */
export function subnegotiation(command, value) {
  const bytes = [IAC, SB, COM_PORT, command];
  for (const b of value) bytes.push(...(b === IAC ? [IAC, IAC] : [b]));
  bytes.push(IAC, SE);
  return Uint8Array.from(bytes);
}

// Resolves to the promise's value, or false after kAckTimeoutMs.
function withTimeout(promise, _what, _url) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), kAckTimeoutMs)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
