// esptool-wasm/node: SerialPort-shaped adapters for remote serial ports (Node only).
import type { SerialPortLike } from './index.js';

/** socket://HOST:PORT: raw bytes over TCP; signals and baud changes do not reach the far end. */
export class TcpPort implements SerialPortLike {
  constructor(host: string, port: number);
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  setSignals(signals: { dataTerminalReady?: boolean; requestToSend?: boolean }): Promise<void>;
  getSignals(): Promise<object>;
  getInfo(): object;
  setBaudRate(baudRate: number): Promise<void>;
}

/** rfc2217://HOST:PORT: RFC 2217 (telnet COM-PORT-OPTION) client; DTR/RTS and baud reach the port. */
export class Rfc2217Port extends TcpPort {}

/** A port for a socket:// or rfc2217:// URL; null for anything else. */
export function portFromUrl(url: string): TcpPort | Rfc2217Port | null;
