// `esptool-wasm rfc2217_server [-p TCPPORT] [-v] [--r0] SERIALPORT`: esptool's
// esp_rfc2217_server.py. Shares a serial port (a local device, or socket:// / rfc2217:// for
// tests against hw-sim) over RFC 2217, one client at a time, with esptool's reset handling
// (web/src/ports/rfc2217-server.js). Arguments and lines as esptool's server prints them.
import net from 'node:net';
import dns from 'node:dns/promises';
import { hostname } from 'node:os';
import { openPort, PortOpenError } from '../src/node.js';
import { Rfc2217Redirector } from '../src/ports/rfc2217-server.js';

const kUsage = 'usage: esptool-wasm rfc2217_server [-h] [-p TCPPORT] [-v] [--r0] SERIALPORT';
const kHelp = `${kUsage}

RFC 2217 Serial to Network (TCP/IP) redirector.

positional arguments:
  SERIALPORT

options:
  -h, --help            show this help message and exit
  -p TCPPORT, --localport TCPPORT
                        local TCP port, default: 2217
  -v, --verbose         print more diagnostic messages (option can be given multiple times)
  --r0                  Use delays necessary for ESP32 revision 0 chips

NOTE: no security measures are implemented. Anyone can remotely connect to this service over
the network. Only one connection at once is supported. When the connection is terminated it
waits for the next connect.`;

// reset.py DEFAULT_RESET_DELAY; --r0 adds 0.5 s (EspPortManager._reset_thread).
const kResetDelayMs = 50;
const kR0ExtraDelayMs = 500;
// pyserial's default rate until a client sets one (serial_for_url without baudrate).
const kInitialBaud = 9600;

class UsageError extends Error {}

function parseArgs(argv) {
  const args = { serialPort: null, localPort: 2217, verbosity: 0, r0: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline = null;
    if (a.startsWith('--') && a.includes('=')) [a, inline] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--r0') args.r0 = true;
    else if (/^-v+$/.test(a)) args.verbosity += a.length - 1;
    else if (a === '--verbose') args.verbosity++;
    else if (a === '-p' || a === '--localport' || /^-p\d+$/.test(a)) {
      const text = inline ?? (a.length > 2 && !a.startsWith('--') ? a.slice(2) : argv[++i]);
      if (text === undefined) throw new UsageError(`argument -p/--localport: expected one argument`);
      if (!/^\d+$/.test(text) || Number(text) > 65535) {
        throw new UsageError(`argument -p/--localport: invalid int value: '${text}'`);
      }
      args.localPort = Number(text);
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unrecognized arguments: ${a}`);
    else if (args.serialPort === null) args.serialPort = a;
    else throw new UsageError(`unrecognized arguments: ${a}`);
  }
  if (!args.help && args.serialPort === null) {
    throw new UsageError('the following arguments are required: SERIALPORT');
  }
  return args;
}

// The address a remote esptool would use (esptool master: gethostbyname(gethostname())).
async function hostAddress() {
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 1000).unref());
  const found = dns.lookup(hostname(), { family: 4 }).then((r) => r.address).catch(() => null);
  return (await Promise.race([found, timeout])) ?? '127.0.0.1';
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, exclusive: true }, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

/** Runs the server until SIGINT/SIGTERM; resolves to the exit status. `m` is the wasm module. */
export async function runRfc2217Server(m, argv) {
  const print = (line) => process.stdout.write(`${line}\n`);
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${kUsage}\nesptool-wasm rfc2217_server: error: ${error.message}\n`);
    return 2;
  }
  if (args.help) {
    print(kHelp);
    return 0;
  }
  const verbose = (line) => (args.verbosity > 0 ? print(line) : undefined);

  print('RFC 2217 TCP/IP to Serial redirector - type Ctrl-C / BREAK to quit');
  let port;
  try {
    port = openPort(args.serialPort, { onWarning: print });
    await port.open({ baudRate: kInitialBaud });
    // "reset control line as no _remote_ terminal has been connected yet"
    await port.setSignals({ dataTerminalReady: false, requestToSend: false });
  } catch (error) {
    const reason =
      error instanceof PortOpenError
        ? error.reason
        : String(error?.message ?? error).replace(`Could not open ${args.serialPort}: `, '');
    print(`Could not open serial port ${args.serialPort}: ${reason}`);
    return 1;
  }
  print(`Serving serial port: ${args.serialPort}`);

  const server = net.createServer({ noDelay: true });
  let tcpPort;
  try {
    tcpPort = await listen(server, args.localPort);
  } catch (error) {
    print(`Could not listen on TCP port ${args.localPort}: ${error.message}`);
    await port.close().catch(() => {});
    return 1;
  }
  print(`TCP/IP port: ${tcpPort}`);
  print(`Waiting for connection ... use the 'rfc2217://${await hostAddress()}:${tcpPort}?ign_set_control' as a PORT`);

  let busy = false;
  server.on('connection', async (socket) => {
    // "Only one connection at once is supported."
    if (busy) {
      socket.destroy();
      return;
    }
    busy = true;
    socket.setNoDelay(true);
    print(`Connected by ${socket.remoteAddress}:${socket.remotePort}`);
    try {
      // esp_rfc2217_server sets ser.rts = True, then ser.dtr = True.
      await port.setSignals({ dataTerminalReady: false, requestToSend: true });
      await port.setSignals({ dataTerminalReady: true, requestToSend: true });
      const redirector = new Rfc2217Redirector(socket, port, {
        resetWrites: (name, delayMs, dtr, rts) => m.resetLineWrites(name, delayMs, dtr, rts),
        // EspPortManager: UnixTightReset unless on Windows. The tight reset needs one write to
        // set both lines (TIOCMSET), so an upstream socket:// or rfc2217:// port gets classic.
        resetName: port.portKind === 'posix' ? 'tight' : 'classic',
        resetDelayMs: kResetDelayMs + (args.r0 ? kR0ExtraDelayMs : 0),
        lines: { dtr: true, rts: true },
        baud: kInitialBaud,
        log: verbose,
      });
      await redirector.run();
    } catch (error) {
      print(`${error?.message ?? error}`);
    } finally {
      print('Disconnected');
      socket.destroy();
      // ser.dtr = False, ser.rts = False, then the settings from before the client.
      await port.setSignals({ dataTerminalReady: false, requestToSend: true }).catch(() => {});
      await port.setSignals({ dataTerminalReady: false, requestToSend: false }).catch(() => {});
      await port.setBaudRate?.(kInitialBaud).catch(() => {});
      busy = false;
    }
  });

  return new Promise((resolve) => {
    const stop = () => {
      print('');
      print('--- exit ---');
      server.close();
      port.close().catch(() => {}).finally(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
