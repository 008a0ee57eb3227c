// rfc2217://HOST:PORT: a serial port behind an RFC 2217 server (telnet COM-PORT-OPTION), as
// pyserial's rfc2217 client speaks it: option negotiation on connect, SET-BAUDRATE / DATASIZE /
// PARITY / STOPSIZE, SET-CONTROL for DTR and RTS, each waiting for the server's answer (the
// request code + 100), and IAC (0xFF) doubled in the data both ways. Node only. With pyserial's
// ?ign_set_control URL option SET-CONTROL answers are not awaited (esptool's own
// esp_rfc2217_server does not send them).
import { SocketPort } from './socket-port.js';
import {
  BINARY, COM_PORT, DO, DONT, ECHO, IAC, SERVER_OFFSET, SGA, TelnetDecoder, TelnetOptions, WILL, escapeIac, subnegotiation,
} from './telnet.js';

// RFC 2217 §3 client commands.
const SET_BAUDRATE = 1, SET_DATASIZE = 2, SET_PARITY = 3, SET_STOPSIZE = 4, SET_CONTROL = 5;
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
    this.telnet = new TelnetDecoder({
      negotiate: (command, option) => this.negotiate(command, option),
      subnegotiation: (sub) => this.subnegotiation(sub),
    });
    this.telnetOptions = new TelnetOptions({
      localOk: LOCAL_OK,
      remoteOk: REMOTE_OK,
      send: (command, option) => this.send(Uint8Array.of(IAC, command, option)).catch(() => {}),
    });
    this.waiters = []; // {match(sub) -> bool, resolve}
    this.comPortEnabled = null; // resolver while waiting for DO COM-PORT-OPTION
  }

  async afterOpen(baudRate) {
    this.resetTelnet();
    const enabled = new Promise((resolve) => (this.comPortEnabled = resolve));
    // pyserial's opening requests: the options it marks REQUESTED.
    this.telnetOptions.want('local', COM_PORT, SGA);
    this.telnetOptions.want('remote', ECHO, SGA, COM_PORT);
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
    return escapeIac(data);
  }

  decode(chunk) {
    return this.telnet.decode(chunk);
  }

  negotiate(command, option) {
    this.telnetOptions.negotiate(command, option);
    if ((command === DO || command === DONT) && option === COM_PORT && this.comPortEnabled) {
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

  onSocketEnd() {
    for (const w of this.waiters.splice(0)) w.resolve(false);
    this.comPortEnabled?.(false);
    this.comPortEnabled = null;
  }
}

// Resolves to the promise's value, or false after kAckTimeoutMs.
function withTimeout(promise, _what, _url) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), kAckTimeoutMs)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
