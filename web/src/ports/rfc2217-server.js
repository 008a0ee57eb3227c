// Rfc2217Redirector: one RFC 2217 client connection relayed to an open SerialPort-shaped port,
// as esptool's esp_rfc2217_server (v4.8.1: pyserial's PortManager with EspPortManager's
// SET-CONTROL handling). Node only. DTR/RTS requests from a remote esptool arrive too far apart
// for a board's EN capacitor, so the first DTR-on starts esptool's whole reset sequence on the
// local port with its own timing, and the rest of the client's sequence is not passed on.
import {
  BINARY, COM_PORT, DO, ECHO, IAC, SERVER_OFFSET, SGA, TelnetDecoder, TelnetOptions, WILL, escapeIac, subnegotiation,
} from './telnet.js';

// RFC 2217 §3 client commands; the server answers with code + 100.
const SIGNATURE = 0, SET_BAUDRATE = 1, SET_DATASIZE = 2, SET_PARITY = 3, SET_STOPSIZE = 4;
const SET_CONTROL = 5, NOTIFY_LINESTATE = 6, NOTIFY_MODEMSTATE = 7;
const FLOWCONTROL_SUSPEND = 8, FLOWCONTROL_RESUME = 9, SET_LINESTATE_MASK = 10;
const SET_MODEMSTATE_MASK = 11, PURGE_DATA = 12;
// SET-CONTROL values (RFC 2217 §3: 8/9 DTR, 11/12 RTS, 0 and 1 flow control).
const FLOW_REQUEST = 0, FLOW_NONE = 1, DTR_ON = 8, DTR_OFF = 9, RTS_ON = 11, RTS_OFF = 12;
// pyserial PortManager: what the server offers (WILL) and accepts from the client (DO).
const LOCAL_OK = new Set([ECHO, SGA, BINARY, COM_PORT]);
const REMOTE_OK = new Set([SGA, BINARY, COM_PORT]);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Rfc2217Redirector {
  /**
   * @param {import('node:net').Socket} socket the client
   * @param {any} port an open SerialPort-shaped port (setSignals, setBaudRate, streams)
   * @param {{resetWrites: (name: string, delayMs: number, dtr: boolean, rts: boolean) => any[],
   *   resetName: string, resetDelayMs: number, lines: {dtr: boolean, rts: boolean},
   *   log?: (line: string) => void}} options resetWrites is core's resetLineWrites; resetName
   *   'tight' (POSIX) or 'classic' (Windows), as EspPortManager picks by os.name
   */
  constructor(socket, port, options) {
    this.socket = socket;
    this.port = port;
    this.options = options;
    this.lines = { ...options.lines };
    this.log = options.log ?? (() => {});
    this.isDownloadMode = false; // EspPortManager.is_download_mode
    this.telnet = new TelnetDecoder({
      negotiate: (command, option) => this.telnetOptions.negotiate(command, option),
      subnegotiation: (sub) => this.subnegotiation(sub),
      // Data before a SET-CONTROL reaches the serial port before the line change does.
      dataBeforeSubnegotiation: (data) => this.serialWrite(data),
    });
    this.telnetOptions = new TelnetOptions({
      localOk: LOCAL_OK,
      remoteOk: REMOTE_OK,
      send: (command, option) => this.send(Uint8Array.of(IAC, command, option)),
    });
    this.telnetOptions.want('local', ECHO, SGA, COM_PORT);
    this.telnetOptions.want('remote', BINARY);
    this.baud = options.baud;
    this.writeChain = Promise.resolve(); // serial writes and line changes keep arrival order
  }

  /** Relays until either side ends; resolves then. */
  async run() {
    this.send(Uint8Array.of(IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, BINARY, IAC, WILL, COM_PORT));
    const reader = this.port.readable.getReader();
    const fromSerial = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          if (value?.length) this.send(escapeIac(value));
        }
      } catch (error) {
        if (!this.released) this.log(`serial port: ${error?.message ?? error}`);
      } finally {
        this.socket.destroy();
      }
    })();
    const fromClient = new Promise((resolve) => {
      this.socket.on('data', (chunk) => this.fromClient(chunk));
      this.socket.on('close', resolve);
      this.socket.on('error', () => {});
    });
    await fromClient;
    // Released, not cancelled: the port stays open for the next client.
    this.released = true;
    try {
      reader.releaseLock();
    } catch {
      // older streams refuse while a read is pending; that read then ends with the port
    }
    await fromSerial;
    await this.writeChain.catch(() => {});
  }

  send(bytes) {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  serialWrite(bytes) {
    this.queue(async () => {
      const writer = this.port.writable.getWriter();
      try {
        await writer.write(bytes);
      } finally {
        writer.releaseLock();
      }
    });
  }

  queue(task) {
    this.writeChain = this.writeChain.then(task).catch((e) => this.log(`serial port: ${e?.message ?? e}`));
  }

  setLines(dtr, rts) {
    this.lines = { dtr, rts };
    return this.port.setSignals({ dataTerminalReady: dtr, requestToSend: rts });
  }

  // Data bytes go to the serial port; commands are handled here.
  fromClient(chunk) {
    const data = this.telnet.decode(chunk);
    if (data.length) this.serialWrite(data);
  }

  answer(command, value) {
    this.send(subnegotiation(command + SERVER_OFFSET, value));
  }

  subnegotiation(sub) {
    if (sub[0] !== COM_PORT || sub.length < 2) return;
    const command = sub[1];
    const value = sub.slice(2);
    switch (command) {
      case SET_BAUDRATE: {
        const baud = ((value[0] << 24) | (value[1] << 16) | (value[2] << 8) | value[3]) >>> 0;
        if (baud) {
          this.baud = baud;
          this.queue(() => this.port.setBaudRate(baud));
        }
        this.log(`SET-BAUDRATE ${this.baud}`);
        this.answer(command, [(this.baud >>> 24) & 255, (this.baud >>> 16) & 255, (this.baud >>> 8) & 255, this.baud & 255]);
        return;
      }
      case SET_DATASIZE: // 8 data bits, no parity, 1 stop bit: the only framing esptool uses
        return this.answer(command, [value[0] || 8]);
      case SET_PARITY:
        return this.answer(command, [value[0] || 1]);
      case SET_STOPSIZE:
        return this.answer(command, [value[0] || 1]);
      case SET_CONTROL:
        return this.setControl(value[0]);
      case PURGE_DATA:
      case SET_LINESTATE_MASK:
      case SET_MODEMSTATE_MASK:
        return this.answer(command, [value[0] ?? 0]);
      case NOTIFY_LINESTATE:
      case NOTIFY_MODEMSTATE:
      case FLOWCONTROL_SUSPEND:
      case FLOWCONTROL_RESUME:
        return undefined;
      case SIGNATURE:
        return this.answer(command, [...new TextEncoder().encode('esptool-wasm rfc2217_server')]);
      default:
        return undefined;
    }
  }

  // EspPortManager._telnet_process_subnegotiation for SET-CONTROL. esptool's server sends no
  // answer for the line requests it handles (its clients use ?ign_set_control); ours answers
  // every request as plain RFC 2217 servers do, which ign_set_control clients ignore.
  setControl(value) {
    this.answer(SET_CONTROL, [value === FLOW_REQUEST ? FLOW_NONE : value]);
    if (value === DTR_OFF) {
      this.isDownloadMode = false;
      this.queue(() => this.setLines(false, this.lines.rts));
    } else if (value === RTS_OFF && !this.isDownloadMode) {
      this.log('Activating hard reset');
      this.replay('hard', 0);
    } else if (value === DTR_ON && !this.isDownloadMode) {
      this.isDownloadMode = true;
      this.log('Activating reset');
      this.replay(this.options.resetName, this.options.resetDelayMs);
    }
    // DTR_ON / RTS_ON / RTS_OFF otherwise: part of a sequence already being replayed.
  }

  // esptool's reset "thread": runs beside the relay (serial data keeps flowing), so it does not
  // wait in the write queue; the line writes come from core.
  replay(name, delayMs) {
    const writes = this.options.resetWrites(name, delayMs, this.lines.dtr, this.lines.rts);
    (async () => {
      for (const w of writes) {
        if ('wait' in w) await sleep(w.wait);
        else await this.setLines(w.dtr, w.rts);
      }
    })().catch((e) => this.log(`reset: ${e?.message ?? e}`));
  }
}
