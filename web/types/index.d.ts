// Public API of esptool-wasm (web/src/index.js). Hand-written; changes with the bindings.

/** Thrown by every call; match on `name` (stable, e.g. 'invalid_elf') or `code`, not message. */
export class EsptoolError extends Error {
  /** Stable dotted name: 'invalid_elf', 'invalid_image', 'bad_argument', 'overlap', ... */
  name: string;
  /** esptool's 16-bit numbering: 0x00xx host side, 0x01xx ROM, stub status << 8. */
  code: number;
  /** What to try; may be empty. */
  hint: string;
}

/** A file a command produces; `name` is esptool's output name for it. */
export interface OutputFile {
  name: string;
  data: Uint8Array;
}

/** What an offline command produces: esptool's stdout lines and the files it writes. */
export interface CommandOutput {
  lines: string[];
  files: OutputFile[];
}

export type Bytes = Uint8Array | ArrayBuffer;
/** A size in bytes or esptool's spelling: '4MB', '64KB'. */
export type Size = number | string;

export type ChipName =
  | 'auto' | 'esp8266' | 'esp32' | 'esp32s2' | 'esp32s3' | 'esp32c2' | 'esp32c3' | 'esp32c5'
  | 'esp32c6' | 'esp32c61' | 'esp32h2' | 'esp32p4' | 'esp32s3beta2' | 'esp32c6beta'
  | 'esp32h2beta1' | 'esp32h2beta2' | 'esp32c5beta3';
export type FlashMode = 'qio' | 'qout' | 'dio' | 'dout';

/** elf2image options (esptool.py v4.8.1 names in camelCase); absent = esptool's default. */
export interface Elf2ImageOptions {
  chip?: ChipName;            // default 'auto' (treated as esp8266)
  inputName?: string;         // used for default output names; default 'image.elf'
  output?: string;            // -o: prefix (ESP8266 v1) or file name
  version?: 1 | 2 | 3;        // ESP8266 image version
  flashMode?: FlashMode;      // default 'qio'
  flashFreq?: string;         // '80m', '40m', ...
  flashSize?: string;         // default '1MB'
  useSegments?: boolean;
  minRev?: number;
  minRevFull?: number;
  maxRevFull?: number;
  securePad?: boolean;
  securePadV2?: boolean;
  elfSha256Offset?: number;
  dontAppendDigest?: boolean;
  padToSize?: Size;
  ramOnlyHeader?: boolean;
  flashMmuPageSize?: Size;
}

export interface ImageInfoOptions {
  chip?: ChipName;    // default 'auto': detected from the extended header
  version?: 1 | 2;    // format of `lines` (esptool's --version); default 1
}

export interface ImageSegment {
  index: number;
  address: number;      // load address
  length: number;
  fileOffset: number;   // offset of the segment's 8-byte header in the file
  memoryTypes: string[]; // e.g. ['DROM'], ['BYTE_ACCESSIBLE', 'DRAM']; empty if none
}

export interface ExtendedHeader {
  wpPin: number;
  clkDrv: number; qDrv: number; dDrv: number; csDrv: number; hdDrv: number; wpDrv: number;
  chipId: number;
  chipIdName: string | null; // CHIP_NAME owning chipId, null if unknown
  minRev: number;
  minRevFull: number;
  maxRevFull: number;
  appendDigest: number;
}

export interface ImageInfo {
  fileSize: number;
  chip: string;          // chip key of the image class used ('esp32')
  chipName: string;      // 'ESP32'
  chipDetected: boolean; // true when chip was 'auto'
  imageVersion: number;  // 1, or 2 for ESP8266 v2 images
  entry: number;         // 0 = not set
  flashMode: number;
  flashModeName: string | null;  // 'QIO', ...; null if invalid
  flashSizeFreq: number;         // header byte 3
  flashSizeName: string | null;  // '4MB'; null if invalid for the chip
  flashFreqName: string | null;  // '40m'; null if invalid
  extended: ExtendedHeader | null; // ESP32 family only
  segments: ImageSegment[];
  checksum: { stored: number; calculated: number; valid: boolean };
  dataLength: number;              // bytes up to and including the checksum
  sha256: { stored: string; calculated: string; valid: boolean } | null; // hex; null if none
  app: {
    secureVersion: number; version: string; projectName: string; time: string; date: string;
    idfVer: string; appElfSha256: string;
  } | null;
  bootloader: { version: number; idfVer: string; dateTime: string } | null;
  warnings: string[];
  /** esptool's image_info text for `options.version`, without the banner. */
  lines: string[];
}

export interface MergeBinInput {
  address: number;
  data: Bytes;
  name?: string; // as shown in messages
}

export interface MergeBinOptions {
  chip: ChipName;              // required, not 'auto'
  output: string;              // required: the output file name
  format?: 'raw' | 'hex' | 'uf2';
  flashMode?: 'keep' | FlashMode;
  flashFreq?: string;          // 'keep' by default
  flashSize?: string;          // 'keep' by default
  targetOffset?: number;
  fillFlashSize?: Size;
  chunkSize?: number;
  md5Disable?: boolean;
}

export interface MakeImageSegment {
  address: number;
  data: Bytes;
}

export interface MakeImageOptions {
  output: string;   // prefix: the file written is `${output}0x00000.bin`
  entry?: number;
  chip?: string;    // only echoed in the messages
}

export interface ChipFacts {
  key: string;            // --chip value: 'esp32c3'
  name: string;           // 'ESP32-C3'
  isBeta: boolean;
  isEsp8266: boolean;
  bootloaderOffset: number;
  flashSizes: string[];   // accepted --flash_size values for this chip
  flashFreqs: string[];   // accepted --flash_freq values
  mmuPageSizes: number[]; // accepted --flash-mmu-page-size values in bytes; empty = 64KB only
}

/** What ESP-IDF's build/flash_args or build/flasher_args.json says to flash. */
export interface IdfBuildArgs {
  chip: string | null;
  flashMode: string | null;
  flashFreq: string | null;
  flashSize: string | null;
  files: { offset: number; path: string }[]; // in the file's order; paths relative to build/
}

/**
 * Loads the device module once (what connect() needs); every call loads the module it needs on
 * first use (the offline tools load their own module; chips/flashModes/version use whichever is
 * loaded).
 */
export function loadEsptool(): Promise<void>;
export function version(): Promise<{ version: string; esptoolVersion: string }>;
export function chips(): Promise<ChipFacts[]>;
export function flashModes(): Promise<FlashMode[]>;
export function elf2image(elf: Bytes, options?: Elf2ImageOptions): Promise<CommandOutput>;
export function imageInfo(image: Bytes, options?: ImageInfoOptions): Promise<ImageInfo>;
export function mergeBin(files: MergeBinInput[], options: MergeBinOptions): Promise<CommandOutput>;
export function makeImage(segments: MakeImageSegment[], options: MakeImageOptions): Promise<CommandOutput>;
export function parseFlashArgs(text: string): Promise<IdfBuildArgs>;
export function parseFlasherArgsJson(text: string): Promise<IdfBuildArgs>;
export function parseIdfBuildArgs(text: string): Promise<IdfBuildArgs>;
/** An esptool-js stub JSON text in the converted form `stubs` takes, named as stubBinaryName says. */
export function stubFromJson(text: string): Promise<Uint8Array>;
/** esptool-js's stub_flasher_32c3.json -> stub_flasher_32c3.bin, the converted stub's name. */
export function stubBinaryName(jsonName: string): Promise<string>;

// ---- Device commands (connect) -------------------------------------------------------------

/** Anything shaped like Web Serial's SerialPort: the real one, the simulator's, an adapter. */
export interface SerialPortLike {
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  setSignals(signals: { dataTerminalReady?: boolean; requestToSend?: boolean }): Promise<void>;
  getSignals(): Promise<object>;
  getInfo(): object;
  /** Optional: change the line rate without a close and reopen (our Node adapters have it). */
  setBaudRate?(baudRate: number): Promise<void>;
}

/** A file to write or verify at a flash offset. */
export interface FlashFile {
  offset: number;
  data: Bytes;
  name?: string; // as shown in messages; default 'file N'
}

/**
 * Options of a device command: esptool.py v4.8.1's options in camelCase (core's DeviceRequest).
 * Absent = esptool's default, decided in core.
 */
export interface DeviceOptions {
  chip?: ChipName;               // 'auto'
  before?: 'default_reset' | 'usb_reset' | 'no_reset' | 'no_reset_no_sync';
  after?: 'hard_reset' | 'soft_reset' | 'no_reset' | 'no_reset_stub';
  baud?: number;                 // used after connecting at 115200
  noStub?: boolean;
  connectAttempts?: number;      // 7; <= 0 tries forever
  usbJtagSerial?: boolean;       // the port is a USB-JTAG-Serial (USB PID 0x1001)
  /** Which reset strategies apply (esptool's choice by port): default 'web'; connect() takes the port's own `portKind`. */
  portKind?: 'web' | 'posix' | 'windows' | 'rfc2217' | 'socket';
  usbPid?: number;               // the port's USB product id (0x1001 = USB-JTAG-Serial); default from getInfo()
  spiConnection?: number;        // 0 = SPI, 1 = HSPI, or packed pins
  /** Converted stubs by file name (stubFromJson); default: the ones shipped in web/dist/stubs. */
  stubs?: Record<string, Uint8Array>;
  flashMode?: 'keep' | FlashMode;
  flashFreq?: string;            // 'keep'
  flashSize?: string;            // 'keep' | 'detect' | '4MB' ...
  compress?: boolean;            // default: compressed when the stub runs
  verify?: boolean;              // MD5 check after writing; default true
  skipUnchanged?: boolean;       // write only the 4 KiB sectors whose MD5 differs
  eraseAll?: boolean;
  force?: boolean;
  diff?: boolean;                // verifyFlash: list differing bytes
  statusBytes?: 1 | 2 | 3;       // flash status register width
  nonVolatile?: boolean;
  /** connect(): the fastest rate known to work on this port (a baud fallback found it); 0 = none. */
  baudLimit?: number;
  /** connect(): told the new limit after a baud fallback, to remember it for the port. */
  onBaudLimit?: (baud: number) => void;
  /** connect(): run the engine in a module Worker (default: true in a browser page, false elsewhere). */
  worker?: boolean;
  /**
   * Resume a write or read after line noise or a replugged cable (core's recovery); default
   * true. false at connect() also stops looking for an unplugged bridge's port (esptool-like).
   */
  recover?: boolean;
  /** connect(): how long an unplugged USB board may stay away and be resumed; 10000 ms. */
  replugGraceMs?: number;
  /** connect(): a lost port came back as `port` (re-enumerated, or plugged back in). */
  onPortChange?: (port: SerialPortLike) => void;
  /** connect(): a lost port did not come back within its time. */
  onPortLost?: () => void;
  /** connect(): where to look for a lost port again (navigator.serial or the port's own `serial`). */
  serial?: unknown;
}

export interface MonitorOptions {
  baud?: number;                 // 115200 (ESP-IDF's console rate)
  onData?: (bytes: Uint8Array) => void;
  signal?: AbortSignal;          // stops the monitor
}

/** Progress of a long step; `text` is esptool's line for it ('' when it prints none). */
export interface ProgressEvent {
  kind: 'progress';
  stage: 'write' | 'read' | 'dump' | 'compare' | 'upload' | string;
  done: number;
  total: number;
  offset: number; // start of the region (flash offset or memory address)
  text: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** esptool's output lines; fromDevice marks what the chip itself printed (boot log). */
  onLog?: (line: string, info: { fromDevice: boolean }) => void;
}

/** Facts a command reports (chip, mac, flash_id ...), keyed as core names them. */
export type DeviceFacts = Record<string, unknown>;

export interface Device {
  /** Any device command by esptool's name; resolves to the report. */
  run(command: string, options?: DeviceOptions & CallOptions & Record<string, unknown>):
    Promise<{ facts: DeviceFacts; data: Uint8Array }>;
  writeFlash(files: FlashFile[], options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  readFlash(offset: number, size: number | 'all', options?: DeviceOptions & CallOptions): Promise<Uint8Array>;
  verifyFlash(files: FlashFile[], options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  eraseFlash(options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  eraseRegion(offset: number, size: number | 'all', options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  readMac(options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  chipId(options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  flashId(options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  securityInfo(options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  readMem(address: number, options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  writeMem(address: number, value: number, mask?: number, options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  dumpMem(address: number, size: number, options?: DeviceOptions & CallOptions): Promise<Uint8Array>;
  loadRam(image: Bytes, options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  runApp(options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  readFlashStatus(options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  writeFlashStatus(value: number, options?: DeviceOptions & CallOptions): Promise<DeviceFacts>;
  /**
   * Serial monitor on the same open port between commands; resolves when `signal` aborts,
   * rejects with EsptoolError port_lost. Commands called meanwhile wait for it.
   */
  monitor(options?: MonitorOptions): Promise<void>;
  /** Writes bytes to the chip (not while a command runs). */
  sendBytes(bytes: Bytes): Promise<void>;
  /** Sets DTR/RTS (the ones not given stay). */
  setLines(lines: { dtr?: boolean; rts?: boolean }): Promise<void>;
  /** 'run': EN pulse, the app starts; 'bootloader': reset into the ROM loader (core's sequences). */
  resetChip(kind?: 'run' | 'bootloader'): Promise<void>;
  /** DTR/RTS as last set through setLines/resetChip. */
  readonly lines: { dtr: boolean; rts: boolean };
  /** The rate limit a baud fallback settled on (0 = none). */
  readonly baudLimit: number;
  /** Waits for the running operation, then closes the port. */
  close(): Promise<void>;
}

/**
 * Opens `port` at the connect baud rate and returns a Device; each operation runs one esptool
 * device command (reset, sync, stub, baud, command, --after). `options` apply to every operation.
 * Throws EsptoolError when the port cannot be opened: 'port_busy' (open elsewhere),
 * 'permission_denied', or 'port_lost'.
 */
export function connect(port: SerialPortLike, options?: DeviceOptions): Promise<Device>;

/**
 * Checks a write's files before anything is written: overlaps (esptool's 4 KiB sector rule),
 * files past `flashSize` bytes (when given), an image at another chip's bootloader offset (when
 * `chip` is given). Rejects with EsptoolError 'overlap' | 'image_too_big' | 'bad_argument'.
 */
export function checkFlashLayout(files: FlashFile[], options?: { chip?: ChipName | ''; flashSize?: number | null }): Promise<null>;

// ---- Web Serial helpers (browsers) ---------------------------------------------------------

/** True when this browser and page can use Web Serial (Chrome/Edge on a secure origin). */
export function hasWebSerial(serial?: unknown): boolean;
/**
 * The browser's port chooser, filtered to the USB ids of ESP boards (Espressif's USB consoles,
 * the usual USB-UART bridges) unless `allPorts`. Needs a user gesture. Rejects with
 * EsptoolError 'no_port' (nothing chosen) or 'permission_denied'.
 */
export function requestSerialPort(options?: { allPorts?: boolean; serial?: unknown }): Promise<SerialPortLike>;
/** Ports this origin was granted earlier (navigator.serial.getPorts()). */
export function grantedSerialPorts(options?: { serial?: unknown }): Promise<SerialPortLike[]>;
/** A readable name: "Silicon Labs CP210x (10c4:ea60)", "Serial port" without USB ids. */
export function describePort(port: SerialPortLike): Promise<string>;
