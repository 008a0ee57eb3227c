// The wasm module's engine surface (wasm/engine_bindings.cpp), used by web/src/driver.js and the
// CLI. Hand-written; changes with the bindings. Not part of the public API.
import type { DeviceOptions, FlashFile } from './index.js';

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
  | { kind: 'sleep'; duration: number };          // then complete(now)

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
  finished(): boolean;
  status(): WasmResult<undefined>;
  report(): { facts: Record<string, unknown>; data: Uint8Array } | null;
  delete(): void;
}

export interface DevicePlan {
  port: string;
  inputs: string[];
  output: string | null;
  noProgress: boolean;
  trace: boolean;
  lines: string[];
}

export interface EngineModule {
  DeviceSession: { new (): DeviceSession };
  planDeviceCommand(args: string[], env: Record<string, string>): WasmResult<DevicePlan>;
  deviceRequest(args: string[], env: Record<string, string>, inputs: Record<string, Uint8Array>,
    stubs: Record<string, string>): WasmResult<DeviceRequest>;
  initialBaud(request: Pick<DeviceRequest, 'before' | 'baud'>): number;
  hostError(kind: 'cancelled' | 'port_lost', message: string): WasmError;
}
