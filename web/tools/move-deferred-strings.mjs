// Moves the text that only the deferred half of the device module uses into that half (issue 10:
// the page's critical path). wasm-split moves functions, not data: every message of every command
// stayed in the first half's data, 4 KB of it used only by code a flash never runs (read_flash's,
// the register commands', Intel HEX's). Here each NUL-terminated run of text in the primary's
// data that the primary can never point at, and the deferred half does, is zeroed in the primary
// (wasm-opt's memory packing then drops it) and written back by an active data segment of the
// deferred half, which lands in the shared memory when that half is instantiated: before any of
// its code runs, so before anything can hold a pointer to the text.
//
// "Can never point at" is decided conservatively: every i32.const operand and every load/store
// offset anywhere in the primary outside its data, and every aligned 32-bit word of its data (a
// table of pointers), counts as an address, and text is kept if any of them falls inside it. A
// byte pattern that only looks like an instruction keeps text in the primary, never the reverse.
import { readFileSync, writeFileSync } from 'node:fs';
import { dataSection, dataSegments, kOpI32Const, kSectionCode, kSectionData, readLeb, readSleb32, runWasmOpt, sections } from './wasm-sections.mjs';

const kSectionDataCount = 12;
const kFirstLoadStore = 0x28; // i32.load .. i64.store32
const kLastLoadStore = 0x3e;
const kMinText = 8; // shorter runs are as likely table bytes as text

/** Every value in `bytes` that could be an address operand (see the header), as a sorted array. */
function addressOperands(bytes) {
  const values = new Set();
  for (let i = 0; i < bytes.length - 1; i++) {
    const op = bytes[i];
    if (op === kOpI32Const) {
      values.add(readSleb32(bytes, { pos: i + 1 }));
    } else if (op >= kFirstLoadStore && op <= kLastLoadStore) {
      const at = { pos: i + 1 };
      readLeb(bytes, at); // alignment
      if (at.pos < bytes.length) values.add(readLeb(bytes, at));
    }
  }
  return Uint32Array.from(values).sort();
}

/** True when some value of the sorted `values` lies in [from, to]. */
function anyWithin(values, from, to) {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < from) low = mid + 1;
    else high = mid;
  }
  return low < values.length && values[low] <= to;
}

const isText = (byte) => (byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte === 0x09;

/** The primary's NUL-terminated text runs (start after a NUL or a segment's start): {segment, address, length}. */
function textRuns(segments) {
  const runs = [];
  for (const segment of segments) {
    const { offset, data } = segment;
    for (let i = 0; i < data.length; ) {
      let j = i;
      while (j < data.length && isText(data[j])) j++;
      if (j - i >= kMinText && j < data.length && data[j] === 0 && (i === 0 || data[i - 1] === 0)) runs.push({ segment, address: offset + i, length: j - i + 1 });
      i = j + 1;
    }
  }
  return runs;
}

/** The module's bytes outside its data section (its code, globals, elements, exports...). */
function outsideData(bytes) {
  const parts = sections(bytes).filter((s) => s.id !== kSectionData).map((s) => bytes.subarray(s.start, s.end));
  return Buffer.concat(parts);
}

/** Moves the text; returns {moved, kept} in bytes. */
export function moveDeferredStrings(primaryPath, deferredPath, features) {
  const primary = Buffer.from(readFileSync(primaryPath));
  const deferred = readFileSync(deferredPath);
  if (sections(deferred).some((s) => s.id === kSectionData || s.id === kSectionDataCount)) throw new Error(`${deferredPath} already has data`);
  const segments = dataSegments(primary);
  const words = [];
  for (const { data } of segments) for (let i = 0; i + 4 <= data.length; i += 4) words.push(data.readUInt32LE(i));
  const primaryAddresses = Uint32Array.from(new Set([...addressOperands(outsideData(primary)), ...words])).sort();
  const deferredAddresses = addressOperands(outsideData(deferred));

  const moved = [];
  let kept = 0;
  for (const run of textRuns(segments)) {
    const last = run.address + run.length - 1;
    if (!anyWithin(primaryAddresses, run.address, last) && anyWithin(deferredAddresses, run.address, last)) moved.push(run);
    else kept += run.length;
  }
  // One segment per stretch of adjacent runs (within one of the primary's segments, whose bytes
  // they are); the primary's copies become zeros.
  const stretches = [];
  for (const run of moved) {
    const previous = stretches.at(-1);
    if (previous?.segment === run.segment && previous.address + previous.length === run.address) previous.length += run.length;
    else stretches.push({ ...run });
  }
  const moves = stretches.map(({ segment, address, length }) => {
    const from = address - segment.offset;
    const data = Buffer.from(segment.data.subarray(from, from + length));
    segment.data.fill(0, from, from + length);
    return { offset: address, data };
  });

  // The deferred half's data section goes right after its code (custom sections may follow).
  const code = sections(deferred).find((s) => s.id === kSectionCode);
  writeFileSync(deferredPath, Buffer.concat([deferred.subarray(0, code.end), dataSection(moves), deferred.subarray(code.end)]));
  writeFileSync(primaryPath, primary); // `segments` are views into it: the zeros are in place
  runWasmOpt(features, ['--memory-packing', primaryPath, '-o', primaryPath]);
  return { moved: moves.reduce((n, m) => n + m.data.length, 0), kept };
}
