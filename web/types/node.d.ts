// esptool-wasm/node: SerialPort-shaped adapters for local and remote serial ports (Node only).
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

/**
 * rfc2217://HOST:PORT: RFC 2217 (telnet COM-PORT-OPTION) client; DTR/RTS and baud reach the port.
 * `ign_set_control` (URL option ?ign_set_control): do not wait for SET-CONTROL answers.
 */
export class Rfc2217Port extends TcpPort {
  constructor(host: string, port: number, options?: { ign_set_control?: boolean });
}

/**
 * A local serial port (/dev/ttyUSB0, /dev/cu.usbserial-1410, COM4) through the npm package
 * serialport's native bindings. One line write per esptool DTR/RTS call; setBaudRate changes the
 * rate on the open port; a port that drops out during a reset is reopened (up to 3 tries, 0.5 s
 * apart). open() rejects with PortOpenError.
 */
export class LocalSerialPort implements SerialPortLike {
  constructor(path: string, options?: {
    /** A @serialport/bindings-interface binding; default: bindings-cpp's for this platform. */
    binding?: unknown;
    /** process.platform by default; 'win32' releases DTR/RTS after opening, as esptool does. */
    platform?: string;
    /** Gets esptool's one-time "Chip was NOT reset" warning for a port without modem lines. */
    onWarning?: (line: string) => void;
  });
  readonly path: string;
  readonly portKind: 'posix' | 'windows';
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  setSignals(signals: { dataTerminalReady?: boolean; requestToSend?: boolean }): Promise<void>;
  getSignals(): Promise<object>;
  getInfo(): { usbVendorId?: number; usbProductId?: number };
  setBaudRate(baudRate: number): Promise<void>;
}

/** Why a local port did not open: kind 'no_port' | 'port_busy' | 'permission_denied' | 'port_lost'. */
export class PortOpenError extends Error {
  readonly path: string;
  readonly kind: 'no_port' | 'port_busy' | 'permission_denied' | 'no_line_control' | 'port_lost';
  /** The operating system's words, e.g. "Permission denied". */
  readonly reason: string;
}

/** The system's serial ports; USB ids as numbers where the port has them. */
export function listSerialPorts(options?: { binding?: unknown }): Promise<{ path: string; vendorId?: number; productId?: number }[]>;

/** A port for a socket:// or rfc2217:// URL; null for anything else. */
export function portFromUrl(url: string): TcpPort | Rfc2217Port | null;

/** esptool's --port value: a socket:// or rfc2217:// URL, or a local serial port path. Throws for other URL schemes. */
export function openPort(spec: string, options?: { binding?: unknown; onWarning?: (line: string) => void }): TcpPort | Rfc2217Port | LocalSerialPort;
