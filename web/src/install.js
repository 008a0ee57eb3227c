// installFirmware(): what an install button does, as a Promise with ESP Web Tools' states (plus
// 'validating' and 'verifying'): read the manifest, identify the chip, pick its build, download
// and check every part before the first byte is written, then erase, write (flash parameters
// patched by core as esptool does), verify. The element in web/element/ is only its UI.
import { checkFlashLayout, chips, connect } from './index.js';
import { loadDeviceModule } from './load-wasm.js';
import { manifestError, parseManifest, selectBuild, selectParts } from './manifest.js';
import { downloadPart } from './install-download.js';

// Errors that mean the line itself is gone or refused: a lower baud would not help.
const kPortErrors = ['cancelled', 'port_lost', 'no_port', 'port_busy', 'permission_denied'];
// ESP-IDF's and Arduino's default factory app offset: a part there must be an app image.
const kAppOffset = 0x10000;
const kConnectBaud = 115200;

const hex = (n) => `0x${n.toString(16).padStart(5, '0')}`;

/** Throws when a part cannot be what its offset says (an image where the chip boots one). */
async function checkPart(file, chip) {
  if (file.data.length === 0) {
    throw await manifestError('empty_part', `${file.name} (at ${hex(file.offset)}) is empty.`, { field: file.field, name: 'invalid_image' });
  }
  const expectsImage = file.offset === chip.bootloaderOffset || (!chip.isEsp8266 && file.offset === kAppOffset);
  if (!expectsImage) return;
  // core's image parse from the device module (imageChip): no offline tools' module before a write.
  const m = await loadDeviceModule();
  const parsed = file.data[0] === 0xe9 ? m.imageChip(file.data) : { ok: false };
  if (!parsed.ok) {
    throw await manifestError('not_an_image', `${file.name} at ${hex(file.offset)} is not a firmware image (it must start with the image magic byte 0xE9).`, {
      field: file.field,
      name: 'invalid_image',
      hint: 'Check the offset and the file: the bootloader and the app are ESP images (esptool.py elf2image output).',
    });
  }
  const owner = parsed.value.chipIdName;
  if (owner && owner !== chip.name) {
    throw await manifestError('wrong_chip', `${file.name} at ${hex(file.offset)} is built for ${owner}, but the board is ${chip.name}.`, {
      field: file.field,
      name: 'chip_mismatch',
    });
  }
}

class Install {
  constructor(options) {
    this.o = { baud: 921600, verify: true, skipUnchanged: false, fetch: globalThis.fetch?.bind(globalThis), ...options };
    this.last = { manifest: undefined, build: undefined, chipFamily: undefined };
  }

  state(state, message, details) {
    const event = { state, message, ...this.last };
    if (details !== undefined) event.details = details;
    this.o.onState?.(event);
  }

  log(line, info = { fromDevice: false }) {
    this.o.onLog?.(line, info);
  }

  async manifest() {
    const { manifest, manifestUrl } = this.o;
    if (manifest && typeof manifest === 'object') return parseManifest(manifest, { manifestUrl, pageUrl: this.o.pageUrl });
    if (typeof manifest === 'string' && manifest.trim().startsWith('{')) return parseManifest(manifest, { manifestUrl, pageUrl: this.o.pageUrl });
    const url = new URL(manifestUrl ?? manifest, this.o.pageUrl ?? globalThis.location?.href).href;
    const { text } = await downloadPart(this.o.fetch, url, { what: 'The manifest', pageUrl: this.o.pageUrl, signal: this.o.signal });
    return parseManifest(text, { manifestUrl: url, pageUrl: this.o.pageUrl });
  }

  // esptool's flash_id, at the fast baud; one retry at 115200 when the fast line fails.
  async identify(device) {
    const call = { signal: this.o.signal, onLog: (l, i) => this.log(l, i), after: 'no_reset' };
    try {
      return await device.flashId({ ...call, baud: this.o.baud });
    } catch (error) {
      if (this.o.baud <= kConnectBaud || kPortErrors.includes(error.name) || error.name === 'no_sync') throw error;
      this.log(`${this.o.baud} baud failed (${error.message}); trying again at ${kConnectBaud}.`);
      this.o.baud = kConnectBaud;
      return device.flashId({ ...call, baud: kConnectBaud });
    }
  }

  async files(build, chip, facts) {
    if (this.o.files) return this.o.files.map((f, i) => ({ name: f.name ?? `file ${i + 1}`, field: `files[${i}]`, offset: f.offset, data: new Uint8Array(f.data) }));
    const { parts, variant } = await selectParts(build, { flashSize: facts.flash_size ?? null, choose: this.o.chooseVariant });
    if (variant) this.log(`Variant: ${variant.name}.`);
    const prefix = variant ? `variants[${build.variants.indexOf(variant)}].` : '';
    const out = [];
    for (const [i, p] of parts.entries()) {
      const { bytes } = await downloadPart(this.o.fetch, p.url, { what: `Firmware part ${p.path}`, pageUrl: this.o.pageUrl, signal: this.o.signal });
      this.log(`Downloaded ${p.path} (${bytes.length} bytes) for ${hex(p.offset)}.`);
      out.push({ name: p.path, offset: p.offset, data: bytes, field: `builds[${this.buildIndex}].${prefix}parts[${i}]` });
    }
    return out;
  }

  async run() {
    this.state('initializing', 'Reading the manifest', { done: false });
    let manifest = null;
    if (!this.o.files || this.o.manifest || this.o.manifestUrl) {
      const parsed = await this.tagged('fetch_manifest_failed', () => this.manifest());
      for (const w of parsed.warnings) (this.o.warn ?? console.warn)(w);
      manifest = parsed.manifest;
      this.last.manifest = manifest;
    }
    this.state('initializing', 'Connecting to the board', { done: false });
    const device = await this.tagged('failed_initialize', () => connect(this.o.port, { baud: this.o.baud }));
    try {
      const facts = await this.tagged('failed_initialize', () => this.identify(device));
      const chip = (await chips()).find((c) => c.name === facts.chip);
      this.last.chipFamily = chip?.name ?? 'Unknown Chip';
      this.o.onChip?.(facts);
      this.state('initializing', `Connected to ${facts.description ?? facts.chip}`, { done: true });
      this.state('preparing', 'Preparing installation', { done: false });
      const build = manifest ? await this.tagged('not_supported', () => selectBuild(manifest, chip?.name ?? facts.chip, this.o.port.getInfo?.())) : null;
      this.buildIndex = manifest ? manifest.builds.indexOf(build) : -1;
      this.last.build = build ?? undefined;
      const files = await this.tagged('failed_firmware_download', () => this.files(build, chip, facts));
      this.state('preparing', 'Installation prepared', { done: true });
      this.state('validating', 'Checking the firmware against the board', { files: files.map(({ name, offset, data }) => ({ name, offset, size: data.length })) });
      await this.tagged('validation_failed', async () => {
        for (const f of files) await checkPart(f, chip);
        await checkFlashLayout(files, { chip: chip.key, flashSize: facts.flash_size_bytes ?? null });
      });
      this.o.onPlan?.({ files, facts, build });
      const erase = await this.wantsErase({ files, facts, build });
      return await this.tagged('write_failed', () => this.write(device, files, build, erase));
    } finally {
      await device.close().catch(() => {});
    }
  }

  async write(device, files, build, erase) {
    const call = { signal: this.o.signal, onLog: (l, i) => this.log(l, i), baud: this.o.baud };
    if (erase) {
      this.state('erasing', 'Erasing the flash', { done: false });
      await device.eraseFlash({ ...call, after: 'no_reset' });
      this.state('erasing', 'Flash erased', { done: true });
    }
    const total = files.reduce((n, f) => n + f.data.length, 0);
    const done = new Map();
    let stage = '';
    const onProgress = (e) => {
      this.o.onProgress?.(e);
      if (e.stage === 'write') {
        done.set(e.offset, Math.min(e.done, e.total));
        const bytesWritten = Math.min(total, [...done.values()].reduce((a, b) => a + b, 0));
        const percentage = total ? Math.floor((bytesWritten / total) * 100) : 100;
        this.state('writing', `Writing progress: ${percentage}%`, { bytesTotal: total, bytesWritten, percentage });
        stage = 'write';
      } else if (e.stage === 'verify' && stage !== 'verify') {
        stage = 'verify';
        this.state('verifying', 'Verifying what was written', { offset: e.offset });
      } else if (e.stage === 'verified') stage = 'verified';
    };
    this.state('writing', 'Writing progress: 0%', { bytesTotal: total, bytesWritten: 0, percentage: 0 });
    const facts = await device.writeFlash(files.map(({ name, offset, data }) => ({ name, offset, data })), {
      ...call,
      onProgress,
      verify: this.o.verify,
      skipUnchanged: this.o.skipUnchanged && !erase,
      flashMode: build?.flashMode ?? this.o.flashMode ?? 'keep',
      flashFreq: build?.flashFreq ?? this.o.flashFreq ?? 'keep',
      flashSize: build?.flashSize ?? this.o.flashSize ?? 'detect',
    });
    this.state('finished', 'All done!');
    return { facts, files, erased: erase, manifest: this.last.manifest, build };
  }

  // ESP Web Tools: a new install erases first unless the manifest says to ask the user.
  // confirm(plan) (a dialog) sees the plan and may change the choice, or reject to cancel.
  async wantsErase(plan) {
    const ask = typeof this.o.erase !== 'boolean' && Boolean(this.last.manifest?.new_install_prompt_erase);
    const erase = typeof this.o.erase === 'boolean' ? this.o.erase : !ask && !this.o.files;
    if (this.o.confirm) return Boolean(await this.o.confirm({ ...plan, erase, askErase: ask }));
    return ask ? Boolean(await this.o.confirmErase?.()) : erase;
  }

  // Runs fn; a failure becomes an 'error' state carrying ESP Web Tools' error code.
  async tagged(code, fn) {
    try {
      return await fn();
    } catch (error) {
      if (!error.installCode) {
        error.installCode = error.name === 'cancelled' ? 'cancelled' : code;
        this.state('error', error.message, { error: error.installCode, details: error });
      }
      throw error;
    }
  }
}

/**
 * Installs firmware onto the board at `options.port` (a SerialPort-shaped object, not yet open).
 * Options: manifest (object, JSON text or URL) or manifestUrl; files (local [{offset, data,
 * name}] instead of the manifest's parts); erase (true/false; default ESP Web Tools' rule with
 * confirmErase(), or confirm({files, facts, build, erase, askErase}) resolving to the erase choice
 * (a dialog's Install button; reject to cancel); baud (921600, with a fallback to 115200); verify (true); skipUnchanged;
 * flashMode/flashFreq/flashSize (a build's own fields win; size defaults to 'detect');
 * chooseVariant(variants); fetch; pageUrl; signal; onState(state), onLog(line, info),
 * onProgress(event), onChip(facts), onPlan({files, facts, build}), warn(text).
 * Resolves to {facts, files, erased, manifest, build}; rejects with EsptoolError carrying
 * `installCode` (ESP Web Tools' error code or 'validation_failed'), `reason` and `field`.
 */
export function installFirmware(options) {
  return new Install(options).run();
}
