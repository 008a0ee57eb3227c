// socket://HOST:PORT: plain bytes over TCP (pyserial's socket:// URL handler). No control lines
// and no line rate reach the far end, so signals and baud changes are accepted and dropped, as
// pyserial does; hw-sim's raw server keeps its chip in download mode for such clients.
import { SocketPort } from './socket-port.js';

export class TcpPort extends SocketPort {
  constructor(host, port) {
    super(host, port, { url: `socket://${host}:${port}` });
    this.portKind = 'socket'; // core's reset::PortKind
  }
}
