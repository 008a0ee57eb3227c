// web/tools/move-deferred-strings.mjs on a primary and a deferred module made here: text only the
// deferred half points at moves into it (zeros in the primary until that half is instantiated),
// also where two such texts end and start back-to-back segments; text the primary can reach (an
// i32.const, a load's offset, a pointer in its data) stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moveDeferredStrings } from '../../web/tools/move-deferred-strings.mjs';
import { dataSection, leb, section } from '../../web/tools/wasm-sections.mjs';

const skip = existsSync(new URL('../../node_modules/binaryen/bin/wasm-opt', import.meta.url)) ? false : 'no binaryen in node_modules (web/tools/bootstrap.sh)';

const kHeader = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const name = (text) => [...leb(text.length), ...Buffer.from(text)];
const vector = (entries) => [...leb(entries.length), ...entries.flat()];
const i32Const = (value) => [0x41, ...leb(value)]; // values below 2^6 * 128^n with bit 6 of the last byte clear
const kDrop = 0x1a;
const kEnd = 0x0b;

// The primary's memory, from address 1024 (all offsets chosen so their LEB and SLEB agree).
const kBase = 1024;
const texts = {
  byConst: 'reached by an i32.const\0',
  byOffset: 'reached by a load offset\0',
  byPointer: 'reached by a pointer word\0',
  deferredOnly: 'only the deferred half uses this\0',
  unused: 'nobody points at this text\0',
  shortDeferred: 'short\0', // too short to tell from table bytes
};
const layout = {};
let at = kBase;
for (const [key, text] of Object.entries(texts)) {
  layout[key] = at;
  at += text.length;
}
const pointerWordAt = (at + 3) & ~3;
const image = Buffer.alloc(pointerWordAt + 4 - kBase);
for (const [key, text] of Object.entries(texts)) image.write(text, layout[key] - kBase, 'latin1');
image.writeUInt32LE(layout.byPointer, pointerWordAt - kBase);
// Two more segments back to back, each one deferred-only text: adjacent texts, separate segments.
const backToBack = ['the end of one segment\0', 'the start of the next one\0'];
const backToBackAt = [kBase + image.length, kBase + image.length + backToBack[0].length];

/** One function () -> () whose body is `code` (locals: none), in a module of `sections`. */
const body = (code) => [...leb(code.length + 2), 0x00, ...code, kEnd];

function primaryModule() {
  const code = [
    ...i32Const(layout.byConst), kDrop,
    ...i32Const(0), 0x2d, 0x00, ...leb(layout.byOffset), kDrop, // i32.load8_u offset=byOffset
  ];
  return Buffer.concat([
    Buffer.from(kHeader),
    section(1, vector([[0x60, 0x00, 0x00]])),
    section(3, vector([[0x00]])),
    section(5, vector([[0x00, 0x01]])), // memory, 1 page
    section(7, vector([[...name('memory'), 0x02, 0x00], [...name('run'), 0x00, 0x00]])),
    section(10, vector([body(code)])),
    dataSection([{ offset: kBase, data: image }, ...backToBack.map((text, i) => ({ offset: backToBackAt[i], data: Buffer.from(text, 'latin1') }))]),
  ]);
}

function deferredModule() {
  // It points into each text the primary reaches too: those stay for the primary's sake.
  const code = [layout.deferredOnly + 3, layout.shortDeferred, layout.byConst, layout.byOffset, layout.byPointer + 1, ...backToBackAt].flatMap((address) => [...i32Const(address), kDrop]);
  return Buffer.concat([
    Buffer.from(kHeader),
    section(1, vector([[0x60, 0x00, 0x00]])),
    section(2, vector([[...name('primary'), ...name('memory'), 0x02, 0x00, 0x01]])),
    section(3, vector([[0x00]])),
    section(10, vector([body(code)])),
  ]);
}

const textAt = (memory, address, length) => Buffer.from(memory.buffer, address, length).toString('latin1');

test('text only the deferred half points at moves there; the rest stays', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'move-strings-'));
  try {
    const primaryPath = join(work, 'primary.wasm');
    const deferredPath = join(work, 'deferred.wasm');
    writeFileSync(primaryPath, primaryModule());
    writeFileSync(deferredPath, deferredModule());
    const { moved } = moveDeferredStrings(primaryPath, deferredPath, []);
    const deferredOnly = [[layout.deferredOnly, texts.deferredOnly], ...backToBack.map((text, i) => [backToBackAt[i], text])];
    assert.equal(moved, deferredOnly.reduce((n, [, text]) => n + text.length, 0));

    const primary = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(primaryPath)));
    const memory = primary.exports.memory;
    for (const key of ['byConst', 'byOffset', 'byPointer', 'unused', 'shortDeferred']) {
      assert.equal(textAt(memory, layout[key], texts[key].length), texts[key], `${key} stays in the primary`);
    }
    for (const [address, text] of deferredOnly) assert.equal(textAt(memory, address, text.length), '\0'.repeat(text.length));

    new WebAssembly.Instance(new WebAssembly.Module(readFileSync(deferredPath)), { primary: { memory } });
    for (const [address, text] of deferredOnly) assert.equal(textAt(memory, address, text.length), text);
    assert.equal(textAt(memory, layout.byConst, texts.byConst.length), texts.byConst);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
