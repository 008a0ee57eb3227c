// web/tools/order-wasm-functions.mjs on a module made here: alike bodies end up side by side, and
// the reordered module (binaryen renumbers every call) still computes what it did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orderWasmFunctions, similarityOrder } from '../../web/tools/order-wasm-functions.mjs';

const skip = existsSync(new URL('../../node_modules/binaryen/bin/wasm-opt', import.meta.url)) ? false : 'no binaryen in node_modules (web/tools/bootstrap.sh)';

const i32Const = (value) => [0x41, value & 0x3f]; // small non-negative values: one LEB byte
const kI32Add = 0x6a;
const kCall = 0x10;
const kEnd = 0x0b;

/** A function body (no locals) summing `values`, then adding what each function in `calls` returns. */
function body(values, calls = []) {
  const code = [0x00, ...i32Const(values[0])];
  for (const v of values.slice(1)) code.push(...i32Const(v), kI32Add);
  for (const fn of calls) code.push(kCall, fn, kI32Add);
  code.push(kEnd);
  return [code.length, ...code];
}

const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
const section = (id, entries) => {
  const payload = [entries.length, ...entries.flat()];
  return [id, ...leb(payload.length), ...payload];
};

/** A module of `bodies` (each () -> i32), the last exported as "main". */
function moduleOf(bodies) {
  const name = [...Buffer.from('main')];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [[0x60, 0x00, 0x01, 0x7f]]),
    ...section(3, bodies.map(() => [0x00])),
    ...section(7, [[name.length, ...name, 0x00, bodies.length - 1]]),
    ...section(10, bodies),
  ]);
}

const run = (bytes) => new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.main();

// Two families of look-alike bodies, interleaved: A, B, A', B'.
const familyA = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const familyB = [40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29];
const bodies = [body(familyA), body(familyB), body([...familyA, 13]), body([...familyB, 28]), body([50], [0, 1, 2, 3])];

test('alike bodies are ordered next to each other', () => {
  const order = similarityOrder(bodies.map((b) => Uint8Array.from(b.slice(1))));
  assert.equal(order.length, bodies.length);
  assert.deepEqual([...order].sort(), [0, 1, 2, 3, 4]);
  const at = (fn) => order.indexOf(fn);
  assert.equal(Math.abs(at(0) - at(2)), 1, `A and A' apart in ${order}`);
  assert.equal(Math.abs(at(1) - at(3)), 1, `B and B' apart in ${order}`);
});

test('the reordered module computes the same result', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'order-wasm-'));
  try {
    const input = join(work, 'in.wasm');
    const output = join(work, 'out.wasm');
    const bytes = moduleOf(bodies);
    writeFileSync(input, bytes);
    orderWasmFunctions(input, output, []);
    const ordered = readFileSync(output);
    assert.equal(run(ordered), run(bytes));
    // Where each of the four look-alike bodies now lies in the code section.
    const positions = bodies.slice(0, 4).map((b) => ordered.indexOf(Buffer.from(b.slice(1))));
    assert.ok(positions.every((p) => p > 0), `bodies at ${positions}`);
    const rank = (fn) => positions.filter((p) => p < positions[fn]).length;
    assert.equal(Math.abs(rank(0) - rank(2)), 1, `A and A' apart: ${positions}`);
    assert.equal(Math.abs(rank(1) - rank(3)), 1, `B and B' apart: ${positions}`);
    assert.equal(run(bytes), 78 + 13 + 414 + 28 + 50 + 78 + 414);
    assert.ok(!ordered.includes(Buffer.from('f0000000')), 'the ranking names are dropped');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
