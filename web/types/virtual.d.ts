// esptool-wasm/virtual (web/src/virtual/index.js): a simulated ESP board (hw-sim in wasm) behind
// a SerialPort-shaped object. Hand-written; changes with wasm/sim/sim_bindings.cpp.

/** The chip's console: a USB-UART bridge (CP2102), USB-Serial-JTAG, or USB-OTG (CDC-ACM). */
export type VirtualConsole = 'uart' | 'usb-jtag-serial' | 'usb-otg';

export interface VirtualChip {
  /** esptool's --chip name: 'esp32', 'esp32s3', ... */
  key: string;
  /** esptool's CHIP_NAME: 'ESP32', 'ESP32-S3', ... */
  name: string;
  /** Consoles a board with this chip can have; 'uart' always first. */
  consoles: VirtualConsole[];
}

/** Every simulated chip, from hw-sim's own chip table (loads the hw-sim wasm on first call). */
export function virtualChips(): Promise<VirtualChip[]>;

export interface VirtualPortOptions {
  /** Default 'esp32'. An unknown chip rejects open() with the list of simulated chips. */
  chip?: string;
  /** Bytes or '4MB' / '512KB' / '16M'; a power of two >= 64 KiB. Default 4 MiB. */
  flashSize?: number | string;
  /** Default 'uart'. A console the chip lacks rejects open(). */
  console?: VirtualConsole;
  /**
   * true (default): bytes take their real time at the open baud rate, flash erase/program their
   * datasheet time. false: the chip's own waits are skipped (the host's reset timing still holds).
   */
  paced?: boolean;
  /** hw-sim's --faults SPEC, e.g. 'flip_byte=5000' or 'error=0x03:0x07:2'. Default ''. */
  faults?: string;
  /** Seed of the random faults. Default 1. */
  seed?: number;
  /** Initial flash contents from offset 0 (the rest erased, 0xFF). Default: all erased. */
  flash?: Uint8Array | ArrayBuffer;
  /** The Secure Boot eFuse is burned. Default false. */
  secureBoot?: boolean;
  /**
   * The Secure Download Mode eFuse is burned (ESP32-S2 and later; ESP8266/ESP32 reject open()):
   * the ROM serves only SYNC, SPI_ATTACH, SPI_SET_PARAMS, CHANGE_BAUDRATE, FLASH_BEGIN/DATA/END
   * and GET_SECURITY_INFO, refuses everything else, and assumes 2 MB of flash. Default false.
   */
  secureDownloadMode?: boolean;
  /** Run the chip in a module Worker. Default: true where `Worker` exists (browsers). */
  worker?: boolean;
  /** A flashed app prints an ESP-IDF-style log line every this many ms at 115200. Default 0 (noise only). */
  appPrintMs?: number;
  /** The board's reset circuit drives EN only, so every reset boots from flash. Default false. */
  noBootWiring?: boolean;
  /** Above this rate the line carries only noise (both ways). Default 0: any rate. */
  maxBaud?: number;
  /**
   * A flashed app answers Improv Wi-Fi serial at 115200 (hw-sim/app/improv_service.h): Device
   * Info gives firmware/version/chipVariant/deviceName; the one ssid/password pair connects and
   * the device then reports `url`. Default null (no Improv).
   */
  improv?: { firmware?: string; version?: string; chipVariant?: string; deviceName?: string; ssid?: string; password?: string; url?: string } | null;
}

export interface VirtualPortStats {
  /** Bytes the host wrote while the port was open and the board plugged in. */
  hostBytes: number;
  /** Bytes the board delivered to the host. */
  deviceBytes: number;
  /** What the chip runs: held in reset, ROM loader, flasher stub, application, or unplugged. */
  mode: 'reset' | 'rom' | 'stub' | 'app' | 'unplugged';
}

export interface VirtualSignals {
  dataTerminalReady?: boolean;
  requestToSend?: boolean;
  break?: boolean;
}

/**
 * Behaves like Web Serial's SerialPort where a flasher notices: the baud rate is fixed at
 * open() (close and reopen to change it); open() on an open port rejects (InvalidStateError);
 * close() with a locked stream rejects (TypeError); readable/writable are null while closed;
 * signals start false/false at open() and drive the board's DTR/RTS reset circuit (or the
 * USB-Serial-JTAG line-state reset). Events: 'disconnect' (unplug, or a disconnect_at fault),
 * 'connect' (replug).
 */
export class VirtualSerialPort extends EventTarget {
  open(options: { baudRate: number; [other: string]: unknown }): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<BufferSource> | null;
  /** false between unplug() and replug(). */
  readonly connected: boolean;
  setSignals(signals: VirtualSignals): Promise<void>;
  getSignals(): Promise<{ dataCarrierDetect: boolean; clearToSend: boolean; ringIndicator: boolean; dataSetReady: boolean }>;
  /** uart: 0x10c4/0xea60 (CP2102); usb-jtag-serial: 0x303a/0x1001; usb-otg: 0x303a/0x0002. */
  getInfo(): { usbVendorId: number; usbProductId: number };
  /** Closes the port and ends the simulated chip; the port cannot be used again. */
  forget(): Promise<void>;
  ondisconnect: ((this: VirtualSerialPort, event: Event) => void) | null;
  onconnect: ((this: VirtualSerialPort, event: Event) => void) | null;

  // Test hooks.
  /**
   * Pulls the cable now, or after the host has sent `afterHostBytes` more bytes (the rest of that
   * write is lost). Streams error with DOMException 'NetworkError' ("The device has been lost."),
   * 'disconnect' fires, the port is closed (a close() call still resolves once) and open()
   * rejects until replug().
   */
  unplug(options?: { afterHostBytes?: number }): Promise<void>;
  /** Plugs the board back in: it powers up and boots from flash; open() works again. */
  replug(): Promise<void>;
  /** Replaces the fault plan from now on (counts restart); a bad SPEC rejects with hw-sim's sentence. */
  setFaults(spec: string): Promise<void>;
  /** Bytes straight from the simulated NOR flash; RangeError outside the flash. */
  readFlash(offset: number, length: number): Promise<Uint8Array>;
  stats(): Promise<VirtualPortStats>;
}

/** A closed virtual port; the chip is created on first open() or test hook. */
export function createVirtualPort(options?: VirtualPortOptions): VirtualSerialPort;
