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
