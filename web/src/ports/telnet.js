// The telnet layer (RFC 854 / 855) that RFC 2217 runs on, shared by our client (rfc2217.js) and
// our server (rfc2217-server.js): the byte parser, option negotiation, IAC escaping and the
// COM-PORT-OPTION subnegotiation frame. Node only.

// RFC 854 / 855 commands and options.
export const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
export const BINARY = 0, ECHO = 1, SGA = 3, COM_PORT = 44;
// RFC 2217 §3: a server answers a client's command with the same code + 100.
export const SERVER_OFFSET = 100;

/**
 * Splits a telnet byte stream into data and commands. Handlers: negotiate(command, option) for
 * WILL/WONT/DO/DONT, subnegotiation(bytes) for IAC SB ... IAC SE (IAC unescaped), and optionally
 * dataBeforeSubnegotiation(bytes): the data that came before it in the same chunk, delivered
 * first, for a relay that must keep data and line changes in arrival order.
 */
export class TelnetDecoder {
  constructor(handlers) {
    this.handlers = handlers;
    this.state = 'data'; // data | iac | negotiate | sub | sub-iac
    this.command = 0;
    this.sub = [];
  }

  /** Handles a chunk's commands; returns its data bytes (those not already delivered). */
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
          this.handlers.negotiate(this.command, b);
          this.state = 'data';
          break;
        case 'sub':
          if (b === IAC) this.state = 'sub-iac';
          else this.sub.push(b);
          break;
        case 'sub-iac':
          if (b === IAC) { this.sub.push(IAC); this.state = 'sub'; }
          else {
            if (b === SE) {
              if (data.length && this.handlers.dataBeforeSubnegotiation) {
                this.handlers.dataBeforeSubnegotiation(Uint8Array.from(data.splice(0)));
              }
              this.handlers.subnegotiation(this.sub);
            }
            this.state = 'data';
          }
          break;
      }
    }
    return Uint8Array.from(data);
  }
}

/**
 * One side's option states (RFC 1143's 'no' / 'want' / 'yes', without the queue): `local` for
 * options we perform (the peer says DO/DONT), `remote` for those the peer performs (WILL/WONT).
 * send(command, option) writes IAC command option.
 */
export class TelnetOptions {
  constructor({ localOk, remoteOk, send }) {
    this.localOk = localOk;
    this.remoteOk = remoteOk;
    this.send = send;
    this.local = new Map();
    this.remote = new Map();
  }

  /** Marks options we ask for ourselves, so the peer's agreement is not answered again. */
  want(table, ...options) {
    for (const option of options) this[table].set(option, 'want');
  }

  /** Answers a peer's WILL/WONT/DO/DONT. */
  negotiate(command, option) {
    const isLocal = command === DO || command === DONT;
    const table = isLocal ? this.local : this.remote;
    const ok = (isLocal ? this.localOk : this.remoteOk).has(option);
    const yes = isLocal ? WILL : DO, no = isLocal ? WONT : DONT;
    const was = table.get(option) ?? 'no';
    if (command === DO || command === WILL) {
      if (was === 'yes') return;
      if (ok) {
        if (was !== 'want') this.send(yes, option);
        table.set(option, 'yes');
      } else {
        this.send(no, option);
        table.set(option, 'no');
      }
    } else {
      if (was === 'yes') this.send(no, option);
      table.set(option, 'no');
    }
  }
}

/** Data with every IAC doubled, as telnet carries it. */
export function escapeIac(data) {
  let at = data.indexOf(IAC);
  if (at < 0) return data;
  // Compressed firmware has an IAC every 256 bytes or so: copy the runs between them, not byte
  // by byte (a 16 KiB block is written every few milliseconds at 921600 baud).
  let count = 0;
  for (let i = at; i >= 0; i = data.indexOf(IAC, i + 1)) count++;
  const out = new Uint8Array(data.length + count);
  let from = 0;
  let to = 0;
  for (; at >= 0; at = data.indexOf(IAC, at + 1)) {
    out.set(data.subarray(from, at + 1), to);
    to += at + 1 - from;
    out[to++] = IAC;
    from = at + 1;
  }
  out.set(data.subarray(from), to);
  return out;
}

/** IAC SB COM-PORT-OPTION command value... IAC SE, IAC doubled in the value. */
export function subnegotiation(command, value) {
  const bytes = [IAC, SB, COM_PORT, command];
  for (const b of value) bytes.push(...(b === IAC ? [IAC, IAC] : [b]));
  bytes.push(IAC, SE);
  return Uint8Array.from(bytes);
}
