// The install button (web/element/): <esptool-install-button> from install-button.js and the
// same element as <esp-web-install-button> from esp-web-tools.js. Hand-written.
import type { EsptoolError, SerialPortLike, DeviceFacts, FlashFile } from './index';

/** ESP Web Tools' states plus ours ('validating', 'verifying'). */
export type InstallStateName =
  | 'initializing' | 'preparing' | 'validating' | 'erasing' | 'writing' | 'verifying' | 'finished' | 'error';

/** ESP Web Tools' error codes plus 'validation_failed' and 'cancelled'. */
export type InstallErrorCode =
  | 'failed_initialize' | 'fetch_manifest_failed' | 'not_supported' | 'failed_firmware_download'
  | 'write_failed' | 'validation_failed' | 'cancelled';

export interface ManifestPart { path: string; offset: number; url?: string }
export interface ManifestBuild {
  chipFamily: string;               // core's chip name: 'ESP32', 'ESP32-S3', ...
  parts?: ManifestPart[];
  serialType?: 'cdc' | 'uart';
  /** Ours (ESP Web Tools ignores them): header fields patched by core; size defaults to 'detect'. */
  flashMode?: string; flashFreq?: string; flashSize?: string;
  /** Ours: chosen by the detected flash size, else by the user. */
  variants?: { name: string; flashSize?: string; parts: ManifestPart[] }[];
}
export interface Manifest {
  name: string;
  version: string;
  home_assistant_domain?: string;
  funding_url?: string;
  new_install_prompt_erase?: boolean;
  new_install_improv_wait_time?: number;
  builds: ManifestBuild[];
}

/** detail of the 'state-changed' event (bubbles, composed), and element.state. */
export interface InstallState {
  state: InstallStateName;
  message: string;
  manifest?: Manifest;
  build?: ManifestBuild;
  chipFamily?: string;
  /** writing: {bytesTotal, bytesWritten, percentage}; error: {error: InstallErrorCode, details}. */
  details?: Record<string, unknown>;
}

export interface InstallResult {
  facts: DeviceFacts;
  files: FlashFile[];
  erased: boolean;
  manifest?: Manifest;
  build?: ManifestBuild;
}

/** The install error: EsptoolError plus why (stable) and which manifest field. */
export interface InstallError extends EsptoolError {
  installCode: InstallErrorCode;
  /** 'manifest_invalid' | 'not_supported' | 'http_error' | 'cors' | 'network' | 'empty_part' | 'not_an_image' | 'wrong_chip' */
  reason?: string;
  field?: string;
}

/**
 * Attributes: manifest (URL, relative to the page), label, erase-first, skip-unchanged, baud
 * (921600), allow-local-files (the user may install their own merged .bin or flasher_args.json
 * with its files), virtual-device ('esp32s3' or 'esp32s3:8MB': a simulated board), virtual-paced.
 * After the install, Improv Wi-Fi is looked for during the manifest's new_install_improv_wait_time.
 * Slots: activate, unsupported, not-allowed. CSS: --esp-tools-button-color,
 * --esp-tools-button-text-color, --esp-tools-button-border-radius.
 */
export declare class InstallButton extends HTMLElement {
  static isSupported: boolean;
  static isAllowed: boolean;
  manifest: string | null;
  /** ESP Web Tools' property: erase before writing (default: the manifest's rule). */
  eraseFirst?: boolean;
  /** Use this port instead of the browser's chooser. */
  port?: SerialPortLike;
  /** The simulated board's port after a virtual-device install (readFlash(), test hooks). */
  readonly virtualPort?: SerialPortLike & { readFlash(offset: number, length: number): Promise<Uint8Array> };
  readonly state?: InstallState;
  /** Opens the dialog and installs; rejects with InstallError. confirm: false skips the Install button. */
  install(options?: { manifest?: string | Manifest; port?: SerialPortLike; erase?: boolean; confirm?: boolean; files?: FlashFile[] }): Promise<InstallResult>;
}

/** web/src/install.js: the same flow without UI. */
export function installFirmware(options: {
  port: SerialPortLike;
  manifest?: string | Manifest;
  manifestUrl?: string;
  files?: FlashFile[];
  erase?: boolean;
  baud?: number;
  verify?: boolean;
  skipUnchanged?: boolean;
  signal?: AbortSignal;
  onState?: (state: InstallState) => void;
  onLog?: (line: string, info: { fromDevice: boolean }) => void;
  confirm?: (plan: { files: FlashFile[]; facts: DeviceFacts; build?: ManifestBuild; erase: boolean; askErase: boolean }) => Promise<boolean>;
  chooseVariant?: (variants: NonNullable<ManifestBuild['variants']>) => Promise<NonNullable<ManifestBuild['variants']>[number]>;
  fetch?: typeof fetch;
  pageUrl?: string;
}): Promise<InstallResult>;
