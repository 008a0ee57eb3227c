// ESP Web Tools' firmware manifest (shared/spec/web-formats.md §1): checked field by field,
// legacy fields mapped with a warning as ESP Web Tools does, part paths resolved against the
// manifest's URL, and the build for a detected chip picked. Chip names come from core's table;
// downloading and flashing live in install.js.
import { EsptoolError } from './errors.js';
import { loadDeviceModule } from './load-wasm.js';

// EWT src/connect.ts: a port is "cdc" when it is Espressif's own USB (VID 0x303A) with one of
// these product ids (USB-JTAG-Serial and the USB-OTG CDC consoles), "uart" otherwise.
const kEspressifVid = 0x303a;
const kCdcPids = [0x1001, 0x1002, 0x1003, 0x0002, 0x0003];

/** An install error: core's error numbering (bad_argument) plus our stable `reason` and `field`. */
export async function manifestError(reason, message, { field, hint = '', cause, name = 'bad_argument' } = {}) {
  const m = await loadDeviceModule();
  const base = m.hostError('bad_argument', message);
  const error = new EsptoolError({ ...base, name, hint: hint || base.hint }, { cause });
  error.reason = reason;
  if (field !== undefined) error.field = field;
  return error;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

function checkPart(part, at, problems) {
  if (!isObject(part)) return problems.push([at, `must be an object {path, offset}, not ${kind(part)}`]);
  const path = part.path ?? part.filename;
  if (part.path === undefined && part.filename !== undefined) {
    problems.warnings.push(`${at}.filename is ESP Web Tools 1.x's name for ${at}.path.`);
  }
  if (typeof path !== 'string' || path === '') problems.push([`${at}.path`, 'must be a non-empty string']);
  else if (resolve(path, problems.base) === null) {
    const why = problems.base ? 'is neither a URL nor a path' : 'is relative, and there is no manifest or page URL to resolve it against';
    problems.push([`${at}.path`, `${why} (${JSON.stringify(path.slice(0, 80))})`]);
  }
  const offset = part.offset;
  if (!Number.isInteger(offset) || offset < 0 || offset > 0xffffffff) {
    const why = typeof offset === 'string' ? 'must be a JSON number (e.g. 65536), not a string' : 'must be an integer >= 0';
    problems.push([`${at}.offset`, why]);
  }
}

function checkVariant(variant, at, problems) {
  if (!isObject(variant)) return problems.push([at, 'must be an object']);
  if (typeof variant.name !== 'string' || variant.name === '') problems.push([`${at}.name`, 'must be a non-empty string']);
  if (variant.flashSize !== undefined && typeof variant.flashSize !== 'string') problems.push([`${at}.flashSize`, "must be a size such as '8MB'"]);
  if (!Array.isArray(variant.parts) || variant.parts.length === 0) problems.push([`${at}.parts`, 'must be a non-empty array']);
  else variant.parts.forEach((p, i) => checkPart(p, `${at}.parts[${i}]`, problems));
}

function checkBuild(build, at, families, problems) {
  if (!isObject(build)) return problems.push([at, `must be an object, not ${kind(build)}`]);
  if (!families.includes(build.chipFamily)) {
    problems.push([`${at}.chipFamily`, `${JSON.stringify(build.chipFamily)} is not one of ${families.join(', ')}`]);
  }
  if (build.serialType !== undefined && !['cdc', 'uart'].includes(build.serialType)) {
    problems.push([`${at}.serialType`, "must be 'cdc' or 'uart'"]);
  }
  if (build.improv !== undefined) problems.warnings.push(`${at}.improv is ignored since ESP Web Tools 4.0.`);
  for (const key of ['flashMode', 'flashFreq', 'flashSize']) {
    if (build[key] !== undefined && typeof build[key] !== 'string') problems.push([`${at}.${key}`, 'must be a string']);
  }
  if (build.variants !== undefined) {
    if (!Array.isArray(build.variants) || build.variants.length === 0) problems.push([`${at}.variants`, 'must be a non-empty array']);
    else build.variants.forEach((v, i) => checkVariant(v, `${at}.variants[${i}]`, problems));
    if (build.parts === undefined) return;
  }
  if (!Array.isArray(build.parts) || build.parts.length === 0) problems.push([`${at}.parts`, 'must be a non-empty array']);
  else build.parts.forEach((p, i) => checkPart(p, `${at}.parts[${i}]`, problems));
}

// The part's URL, or null where `new URL` would throw (checkPart turns that into a problem).
function resolve(path, base) {
  try {
    return new URL(path, base).href;
  } catch {
    return null;
  }
}

function resolveParts(parts, base) {
  return parts.map((p) => {
    const path = p.path ?? p.filename;
    return { path, offset: p.offset, url: resolve(path, base) };
  });
}

/**
 * Checks a manifest (JSON text or an object) and returns {manifest, warnings}: the manifest with
 * legacy fields mapped and every part given `url` (its path resolved against `manifestUrl`; for
 * a blob:/data: manifest, against `pageUrl`). Rejects with EsptoolError (reason
 * 'manifest_invalid', `field` naming the first bad field, every problem in the message).
 */
export async function parseManifest(source, { manifestUrl, pageUrl = globalThis.location?.href } = {}) {
  let data = source;
  if (typeof source === 'string') {
    try {
      data = JSON.parse(source);
    } catch (cause) {
      // V8 quotes the text around the error, line breaks and all: the error stays one line.
      const why = cause.message.replace(/\s+/g, ' ');
      throw await manifestError('manifest_invalid', `The manifest is not JSON: ${why}`, { cause, name: 'invalid_json' });
    }
  }
  const m = await loadDeviceModule();
  const families = m.chips().filter((c) => !c.isBeta).map((c) => c.name);
  // blob: and data: URLs cannot be a base for relative paths (EWT resolves against the page).
  const base = !manifestUrl || /^(blob|data):/.test(manifestUrl) ? pageUrl : manifestUrl;
  const problems = [];
  problems.warnings = [];
  problems.base = base;
  if (!isObject(data)) problems.push(['(manifest)', `must be a JSON object, not ${kind(data)}`]);
  else {
    if (typeof data.name !== 'string' || data.name === '') problems.push(['name', 'must be a non-empty string']);
    if (typeof data.version !== 'string') problems.push(['version', 'must be a string (required since ESP Web Tools 4.0)']);
    for (const key of ['home_assistant_domain', 'funding_url']) {
      if (data[key] !== undefined && typeof data[key] !== 'string') problems.push([key, 'must be a string']);
    }
    for (const key of ['new_install_prompt_erase', 'new_install_skip_erase']) {
      if (data[key] !== undefined && typeof data[key] !== 'boolean') problems.push([key, 'must be true or false']);
    }
    const wait = data.new_install_improv_wait_time;
    if (wait !== undefined && !(typeof wait === 'number' && wait >= 0)) problems.push(['new_install_improv_wait_time', 'must be a number of seconds >= 0']);
    if (!Array.isArray(data.builds) || data.builds.length === 0) problems.push(['builds', 'must be a non-empty array']);
    else data.builds.forEach((b, i) => checkBuild(b, `builds[${i}]`, families, problems));
  }
  if (problems.length > 0) {
    const text = problems.map(([field, why]) => `${field} ${why}`).join('; ');
    throw await manifestError('manifest_invalid', `The manifest is not valid: ${text}.`, {
      field: problems[0][0],
      hint: 'Fix these fields in the manifest (ESP Web Tools format: name, version, builds[{chipFamily, parts[{path, offset}]}]).',
    });
  }
  const manifest = structuredClone(data);
  if ('new_install_skip_erase' in manifest) {
    problems.warnings.push('Manifest option "new_install_skip_erase" is deprecated; use "new_install_prompt_erase" instead.');
    if (manifest.new_install_skip_erase) manifest.new_install_prompt_erase = true;
  }
  for (const build of manifest.builds) {
    if (build.parts) build.parts = resolveParts(build.parts, base);
    for (const v of build.variants ?? []) v.parts = resolveParts(v.parts, base);
  }
  return { manifest, warnings: problems.warnings };
}

/** 'cdc' for Espressif's own USB consoles, else 'uart' (ESP Web Tools' rule). */
export function serialTypeOf(portInfo = {}) {
  return portInfo.usbVendorId === kEspressifVid && kCdcPids.includes(portInfo.usbProductId) ? 'cdc' : 'uart';
}

/**
 * The build for a chip (core's chip name, e.g. 'ESP32-S3'): the first with that chipFamily and
 * the port's serialType, else the first with that chipFamily and no serialType (ESP Web Tools'
 * order). Rejects with reason 'not_supported' when there is none.
 */
export async function selectBuild(manifest, chipName, portInfo = {}) {
  const serialType = serialTypeOf(portInfo);
  const same = manifest.builds.filter((b) => b.chipFamily === chipName);
  const build = same.find((b) => b.serialType === serialType) ?? same.find((b) => b.serialType === undefined);
  if (build) return build;
  const offered = [...new Set(manifest.builds.map((b) => b.chipFamily))].join(', ');
  const why = same.length > 0 ? ` over a ${serialType} connection` : '';
  throw await manifestError('not_supported', `Your ${chipName} board is not supported by ${manifest.name}${why}: it has builds for ${offered}.`, {
    field: 'builds',
    hint: 'Check that you picked the right board, or ask the firmware vendor for a build for this chip.',
  });
}

/**
 * The parts to write for a build: its own parts, or a variant's. `variants` are our extension
 * (ESP Web Tools ignores the key): the variant whose flashSize is the detected size (core's
 * spelling, '8MB') is picked; otherwise `choose(variants)` (the user) decides, and without it the
 * first variant is taken.
 */
export async function selectParts(build, { flashSize = null, choose } = {}) {
  if (!build.variants) return { parts: build.parts, variant: null };
  let variant = flashSize ? build.variants.find((v) => v.flashSize === flashSize) : undefined;
  if (!variant && choose) variant = await choose(build.variants);
  variant ??= build.variants[0];
  return { parts: variant.parts, variant };
}
