// Inputs for the device tests: firmware-like data (runs of counters and noise, so compression
// does some work) and a minimal RAM-only ESP32-family image for load_ram (image-format.md §2:
// common header, extended header, one segment, checksum; no SHA-256 appended).

/** n bytes, deterministic for a seed. */
export function testData(n, seed) {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = i % 32 < 20 ? (i >> 5) & 0xff : s >>> 24;
  }
  return out;
}

// Extended-header chip ids (image-format.md: ESP32 0, ESP32-C3 5).
const kChipIds = { esp32: 0, esp32c3: 5 };

/** One 64-byte segment at `address`; the entry point lies outside it, so nothing is "run". */
export function ramImage(chip, address) {
  const payload = testData(64, 9);
  const header = Buffer.alloc(24);
  header[0] = 0xe9; // magic
  header[1] = 1; // segments
  header[2] = 2; // DIO
  header[3] = 0x20; // 4MB, 40m
  header.writeUInt32LE(address + 0x10000, 4); // entry
  header[8] = 0xee; // WP pin: disabled
  header.writeUInt16LE(kChipIds[chip], 12);
  header.writeUInt16LE(0xffff, 17); // max_rev_full
  const segment = Buffer.alloc(8);
  segment.writeUInt32LE(address, 0);
  segment.writeUInt32LE(payload.length, 4);
  let checksum = 0xef;
  for (const b of payload) checksum ^= b;
  const body = Buffer.concat([header, segment, payload]);
  const pad = 15 - (body.length % 16); // checksum is the last byte of a 16-byte block
  return Buffer.concat([body, Buffer.alloc(pad), Buffer.from([checksum])]);
}
