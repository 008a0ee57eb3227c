// Node-only entry (esptool-wasm/node): SerialPort-shaped adapters to pass to connect(): local
// serial ports (through the npm package serialport's bindings) and remote ones (socket://,
// rfc2217://). Browsers use Web Serial's SerialPort or the simulator's virtual port.
import { parsePortUrl } from './ports/socket-port.js';
import { Rfc2217Port } from './ports/rfc2217.js';
import { TcpPort } from './ports/tcp.js';
import { LocalSerialPort, listSerialPorts, PortOpenError } from './ports/local-serial.js';

export { LocalSerialPort, listSerialPorts, PortOpenError, Rfc2217Port, TcpPort };

/** socket://HOST:PORT -> TcpPort, rfc2217://HOST:PORT[?ign_set_control] -> Rfc2217Port, anything else -> null. */
export function portFromUrl(url) {
  const parsed = parsePortUrl(url);
  if (parsed?.scheme === 'socket') return new TcpPort(parsed.host, parsed.port);
  if (parsed?.scheme === 'rfc2217') return new Rfc2217Port(parsed.host, parsed.port, parsed.options);
  return null;
}

/**
 * The port for esptool's --port value: a URL as portFromUrl, anything else a local serial port
 * (/dev/ttyUSB0, COM4). Throws for a URL scheme we do not speak (pyserial's loop://, spy://).
 * `options` go to LocalSerialPort (onWarning, binding).
 */
export function openPort(spec, options = {}) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    const port = portFromUrl(spec);
    if (!port) throw new Error(`Unsupported port URL ${spec}: use socket://HOST:PORT or rfc2217://HOST:PORT`);
    return port;
  }
  return new LocalSerialPort(spec, options);
}
