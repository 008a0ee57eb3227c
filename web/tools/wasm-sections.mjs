// Reading and writing the parts of a wasm binary that the device module's post-split passes need
// (order-wasm-functions.mjs, move-deferred-strings.mjs): sections, imported functions, function
// bodies, active data segments. Anything else is copied through as bytes. binaryen's wasm-opt
// (the npm devDependency) does what needs the whole instruction set, such as renumbering calls.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const kWasmOpt = fileURLToPath(new URL('../../node_modules/binaryen/bin/wasm-opt', import.meta.url));
export const kSectionCustom = 0;
export const kSectionImport = 2;
export const kSectionCode = 10;
export const kSectionData = 11;
const kImportFunction = 0;
const kImportTable = 1;
const kImportMemory = 2;
export const kOpI32Const = 0x41;
const kOpEnd = 0x0b;

/** The unsigned LEB128 at `at.pos`, which moves past it. */
export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at.pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}

/** The signed LEB128 at `at.pos` (an i32's), as the unsigned 32-bit value of its bits. */
export function readSleb32(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at.pos++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80 && shift < 35);
  if (shift < 32 && byte & 0x40) value |= -1 << shift;
  return value >>> 0;
}

/** `value` as unsigned LEB128 bytes. */
export function leb(value) {
  const out = [];
  do {
    const low = value % 128;
    value = Math.floor(value / 128);
    out.push(value ? low | 0x80 : low);
  } while (value);
  return out;
}

/** A section's bytes: its id, then its payload's length and the payload. */
export const section = (id, payload) => Buffer.from([id, ...leb(payload.length), ...payload]);

/** The module's sections in order: {id, start, body (the payload's first byte), end}. */
export function sections(bytes) {
  const at = { pos: 8 };
  const out = [];
  while (at.pos < bytes.length) {
    const start = at.pos;
    const id = bytes[at.pos++];
    const length = readLeb(bytes, at);
    out.push({ id, start, body: at.pos, end: at.pos + length });
    at.pos += length;
  }
  return out;
}

function skipName(bytes, at) {
  const length = readLeb(bytes, at); // (`at.pos += readLeb(...)` would add to the old position)
  at.pos += length;
}

function skipLimits(bytes, at) {
  const flags = readLeb(bytes, at);
  readLeb(bytes, at);
  if (flags & 1) readLeb(bytes, at);
}

/** How many functions the module imports (they come first in the function index space). */
export function importedFunctionCount(bytes) {
  const imports = sections(bytes).find((s) => s.id === kSectionImport);
  if (!imports) return 0;
  const at = { pos: imports.body };
  let functions = 0;
  for (let n = readLeb(bytes, at); n > 0; n--) {
    skipName(bytes, at); // module
    skipName(bytes, at); // field
    const kind = bytes[at.pos++];
    if (kind === kImportFunction) {
      functions++;
      readLeb(bytes, at); // type index
    } else if (kind === kImportTable) {
      at.pos++; // element type
      skipLimits(bytes, at);
    } else if (kind === kImportMemory) {
      skipLimits(bytes, at);
    } else {
      at.pos += 2; // global: value type and mutability
    }
  }
  return functions;
}

/** Each entry of section `id`'s vector, read by `readEntry(at)` from its position `at`. */
function sectionEntries(bytes, id, readEntry) {
  const found = sections(bytes).find((s) => s.id === id);
  if (!found) return [];
  const at = { pos: found.body };
  const entries = [];
  for (let n = readLeb(bytes, at); n > 0; n--) entries.push(readEntry(at, entries.length));
  return entries;
}

/** Each defined function's body (locals and code), as views into `bytes`. */
export function functionBodies(bytes) {
  return sectionEntries(bytes, kSectionCode, (at) => {
    const size = readLeb(bytes, at);
    at.pos += size;
    return bytes.subarray(at.pos - size, at.pos);
  });
}

/**
 * The module's active data segments of memory 0 with a constant offset: {offset, data} (`data` a
 * view into `bytes`). Throws on any other kind: the passes that use this cannot reason about them.
 */
export function dataSegments(bytes) {
  return sectionEntries(bytes, kSectionData, (at, index) => {
    const flags = readLeb(bytes, at);
    if (flags !== 0 || bytes[at.pos] !== kOpI32Const) throw new Error(`data segment ${index}: not an active segment at a constant offset`);
    at.pos++;
    const offset = readSleb32(bytes, at);
    if (bytes[at.pos++] !== kOpEnd) throw new Error(`data segment ${index}: offset is not one i32.const`);
    const length = readLeb(bytes, at);
    at.pos += length;
    return { offset, data: bytes.subarray(at.pos - length, at.pos) };
  });
}

/** A data section of active segments of memory 0: [{offset, data}]. */
export function dataSection(segments) {
  const payload = [...leb(segments.length)];
  for (const { offset, data } of segments) payload.push(0, kOpI32Const, ...sleb(offset), kOpEnd, ...leb(data.length), ...data);
  return section(kSectionData, payload);
}

function sleb(value) {
  const out = [];
  for (;;) {
    const low = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && !(low & 0x40)) || (value === -1 && low & 0x40);
    out.push(done ? low : low | 0x80);
    if (done) return out;
  }
}

/** Runs wasm-opt with `args` (the module's `features` first, as wasm-opt refuses unnamed ones). */
export function runWasmOpt(features, args) {
  execFileSync(process.execPath, [kWasmOpt, ...features, ...args]);
}
