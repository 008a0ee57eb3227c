// The wasm modules' surfaces (wasm/*_bindings.cpp; which module holds which: wasm/wasm.cmake),
// used by web/src/ (driver.js, device.js, index.js) and the CLI. Hand-written; changes with the
// bindings. Not part of the public API. web/src/load-wasm.js: loadDeviceModule() -> DeviceModule,
// loadToolsModule() -> ToolsModule; web/cli/load-full.js: loadModule() -> FullModule.
import type { ChipFacts, DeviceOptions, FlashFile, FlashMode } from './index.js';

export interface WasmError { code: number; name: string; message: string; hint: string }
export type WasmResult<T> = { ok: true; value: T } | { ok: false; error: WasmError };

/** core's ops::DeviceRequest field for field (camelCase). */
export interface DeviceRequest extends DeviceOptions {
  command: string;
  files?: FlashFile[];
  address?: number;
  size?: number | 'all';
  value?: number;
  mask?: number;
  image?: Uint8Array;
}

export type EngineAction =
  | { kind: 'write'; bytes: Uint8Array }          // then complete(now)
  | { kind: 'read'; deadline: number }            // then feed(bytes, now) or timeout(now)
  | { kind: 'signals'; dtr: boolean; rts: boolean } // then complete(now)
  | { kind: 'baud'; baud: number }                // then complete(now)
  | { kind: 'sleep'; duration: number; until: number }; // then complete(now); until: the end on the clock given to the engine

export type EngineEvent =
  | { kind: 'progress'; stage: string; done: number; total: number; offset: number; text: string }
  | { kind: 'log'; text: string; fromDevice: boolean };

/** One port's connection state; runs one device command at a time. Call delete() when done. */
export interface DeviceSession {
  start(request: DeviceRequest, now: number): WasmResult<undefined>;
  pollAction(): EngineAction | null;
  pollEvent(): EngineEvent | null;
  complete(now: number): void;
  feed(bytes: Uint8Array, now: number): void;
  timeout(now: number): void;
  /** Answers a read: the port went away and is looked for again (later calls wait for it). */
  interrupted(now: number): void;
  /** Answers any action: the port is gone for good; `reason` ends "Serial port lost: ...". */
  lost(now: number, reason: string): void;
  finished(): boolean;
  status(): WasmResult<undefined>;
  report(): { facts: Record<string, unknown>; data: Uint8Array } | null;
  /** A request with hostDeflates: the inputs the engine wants compressed, in order (copies). */
  deflateAheadInputs(): Uint8Array[];
  /** The zlib stream of input `index`; false when it is not that input's stream (the engine compresses it itself). */
  provideDeflated(index: number, stream: Uint8Array): boolean;
  delete(): void;
}

export interface DevicePlan {
  port: string; // '' = scan (scanPorts)
  inputs: string[];
  output: string | null;
  noProgress: boolean;
  trace: boolean;
  lines: string[];
}

/** In every module (wasm/chip_bindings.cpp, version_bindings.cpp). */
export interface CommonModule {
  chips(): ChipFacts[];
  flashModes(): FlashMode[];
  usbSerialIds(): { vendorId: number; productId: number; name: string; kind: 'usb-jtag-serial' | 'usb-otg' | 'bridge' }[];
  version(): string;
  esptoolVersion(): string;
}

/** esptool-device: a device session and what the page checks before and around one. */
export interface DeviceModule extends CommonModule {
  DeviceSession: { new (): DeviceSession };
  initialBaud(request: Pick<DeviceRequest, 'before' | 'baud'>): number;
  /** core ops::fallback_baud: the rate to retry at after error `code` at `failedBaud`; 0 = none. */
  fallbackBaud(failedBaud: number, code: number): number;
  /** The zlib stream the engine would send for `input` (libdeflate's strongest level), for a compression thread. */
  strongDeflate(input: Uint8Array): Uint8Array;
  hostError(kind: 'cancelled' | 'port_lost' | 'no_port' | 'port_busy' | 'permission_denied', message: string): WasmError;
  /** esptool's reset strategy as line writes from (dtr, rts); the RFC 2217 server replays them. */
  resetLineWrites(name: 'classic' | 'tight' | 'hard' | 'hard_usb' | 'usb_jtag_serial', delayMs: number,
    dtr: boolean, rts: boolean): ({ dtr: boolean; rts: boolean } | { wait: number })[];
  /** Overlaps, files past the flash, a bootloader at another chip's offset: {ok, value: null} or the error. */
  checkFlashLayout(files: { offset: number; data: Uint8Array; name?: string }[], chip: string,
    flashSize: number | null): WasmResult<null>;
  /** A part parsed as a firmware image (as image_info): the chip its extended header names, or the error. */
  imageChip(image: Uint8Array): WasmResult<{ chipIdName: string | null }>;
}

/** esptool-tools: the offline image tools (wasm/image_bindings.cpp); results as in index.d.ts. */
export interface ToolsModule extends CommonModule {
  elf2image(elf: Uint8Array, options: object): WasmResult<unknown>;
  imageInfo(image: Uint8Array, options: object): WasmResult<unknown>;
  mergeBin(files: { address: number; data: Uint8Array; name?: string }[], options: object): WasmResult<unknown>;
  makeImage(segments: { address: number; data: Uint8Array }[], options: object): WasmResult<unknown>;
  parseFlashArgs(text: string): WasmResult<unknown>;
  parseFlasherArgsJson(text: string): WasmResult<unknown>;
  parseIdfBuildArgs(text: string): WasmResult<unknown>;
  stubJsonToBinary(text: string): WasmResult<Uint8Array>;
  stubBinaryName(jsonName: string): string;
}

/** esptool-core, the Node CLI's module: both of the above plus the esptool.py argument layer. */
export interface FullModule extends DeviceModule, ToolsModule {
  planDeviceCommand(args: string[], env: Record<string, string>): WasmResult<DevicePlan>;
  deviceRequest(args: string[], env: Record<string, string>, inputs: Record<string, Uint8Array>,
    stubs: Record<string, Uint8Array>): WasmResult<DeviceRequest>;
  /** Scanning without --port: the listed ports to try, in order, and the "Found N serial ports" line. */
  scanPorts(args: string[], env: Record<string, string>,
    ports: { path: string; vendorId?: number; productId?: number }[]): WasmResult<{ ports: string[]; lines: string[] }>;
  /** "Could not connect to an Espressif device on any of the N available serial ports." */
  noDeviceError(count: number): WasmError;
  // The CLI's own steps (wasm/cli_bindings.cpp): argv -> files to read -> parsed -> offline run.
  argumentFiles(argv: string[]): string[];
  expandFileArguments(argv: string[], texts: Record<string, string>): WasmResult<{ args: string[]; lines: string[] }>;
  /** The command line's command, whether it runs offline, and the input files it reads; the parse is kept for a runOffline of the same line. */
  parseCommandLine(args: string[], env: Record<string, string>): WasmResult<{ command: string; isOffline: boolean; inputs: string[] }>;
  /** Room in wasm memory for an input file of `size` bytes, to read it into before the next call; runOffline takes it. A negative size drops it (null). */
  stageInput(path: string, size: number): Uint8Array | null;
  runOffline(args: string[], env: Record<string, string>, inputs: Record<string, Uint8Array>): WasmResult<unknown>;
  /** The sub-commands that run without a device (elf2image, image_info, make_image, merge_bin, version). */
  offlineCommandNames(): string[];
  bannerLine(): string;
  fatalErrorLine(message: string): string;
  /** A device command's error (EsptoolError's code, message, hint) as esptool's closing lines. */
  fatalErrorLines(code: number, message: string, hint: string): string[];
  writeFailedMessage(path: string): string;
}
