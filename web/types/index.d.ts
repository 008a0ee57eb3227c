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

/** Loads the wasm module once; every call does it on first use. */
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
  spiConnection?: number;        // 0 = SPI, 1 = HSPI, or packed pins
  /** Stub JSON texts by esptool-js file name; default: the ones shipped in web/dist/stubs. */
  stubs?: Record<string, string>;
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
  /** Waits for the running operation, then closes the port. */
  close(): Promise<void>;
}

/**
 * Opens `port` at the connect baud rate and returns a Device; each operation runs one esptool
 * device command (reset, sync, stub, baud, command, --after). `options` apply to every operation.
 * Throws EsptoolError ('port_lost' when the port cannot be opened).
 */
export function connect(port: SerialPortLike, options?: DeviceOptions): Promise<Device>;
