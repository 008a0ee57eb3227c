// Node-only entry (esptool-wasm/node): SerialPort-shaped adapters for remote serial ports, to
// pass to connect(). Browsers use Web Serial's SerialPort or the simulator's virtual port.
import { parsePortUrl } from './ports/socket-port.js';
import { Rfc2217Port } from './ports/rfc2217.js';
import { TcpPort } from './ports/tcp.js';

export { Rfc2217Port, TcpPort };

/** socket://HOST:PORT -> TcpPort, rfc2217://HOST:PORT -> Rfc2217Port, anything else -> null. */
export function portFromUrl(url) {
  const parsed = parsePortUrl(url);
  if (parsed?.scheme === 'socket') return new TcpPort(parsed.host, parsed.port);
  if (parsed?.scheme === 'rfc2217') return new Rfc2217Port(parsed.host, parsed.port);
  return null;
}
