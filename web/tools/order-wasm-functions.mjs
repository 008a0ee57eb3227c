// Reorders a wasm module's functions so that gzip compresses it better (issue 10: the page's
// critical path). gzip finds repeats only within the last 32 KB, and the linker leaves functions in
// link order, where look-alike bodies (the coroutines' resume functions, libdeflate's helpers) lie
// far apart. Here each body is followed by the one most like it of those left (a greedy walk over
// the Jaccard similarity of their byte trigrams), starting from the largest. binaryen renumbers
// the calls: each function is named by its rank and wasm-opt's --reorder-functions-by-name sorts
// them, then drops the names. The device module's first half: 89,508 -> 85,622 B gzip.
// split-device-wasm.mjs runs it on both halves.
import { readFileSync, writeFileSync } from 'node:fs';
import { functionBodies, importedFunctionCount, kSectionCustom, leb, runWasmOpt, section } from './wasm-sections.mjs';

/** A body's distinct byte trigrams, sorted. */
function trigrams(body) {
  const grams = new Set();
  for (let i = 0; i + 3 <= body.length; i++) grams.add(body[i] | (body[i + 1] << 8) | (body[i + 2] << 16));
  return Int32Array.from(grams).sort();
}

function sharedCount(a, b) {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) { shared++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return shared;
}

/** Function indices (into `bodies`) in the order the greedy walk visits them. */
export function similarityOrder(bodies) {
  const grams = bodies.map(trigrams);
  const left = new Set(bodies.keys());
  let current = 0;
  for (const i of left) if (bodies[i].length > bodies[current].length) current = i;
  const order = [];
  while (left.size > 0) {
    left.delete(current);
    order.push(current);
    let next = -1;
    let best = -1;
    for (const j of left) {
      const shared = sharedCount(grams[current], grams[j]);
      const similarity = shared / (grams[current].length + grams[j].length - shared + 1);
      if (similarity > best) { best = similarity; next = j; }
    }
    current = next;
  }
  return order;
}

/** A "name" custom section naming each defined function by its rank in `order`. */
function rankNames(importedFunctions, order) {
  const rank = new Array(order.length);
  order.forEach((fn, r) => (rank[fn] = r));
  const entries = [];
  for (let fn = 0; fn < order.length; fn++) {
    const name = Buffer.from(`f${String(rank[fn]).padStart(7, '0')}`);
    entries.push(...leb(importedFunctions + fn), ...leb(name.length), ...name);
  }
  const functionNames = [...leb(order.length), ...entries];
  return section(kSectionCustom, [...leb(4), ...Buffer.from('name'), 1, ...leb(functionNames.length), ...functionNames]);
}

/** Writes `input`'s module to `output` with its functions in similarity order. */
export function orderWasmFunctions(input, output, features) {
  const bytes = readFileSync(input);
  const names = rankNames(importedFunctionCount(bytes), similarityOrder(functionBodies(bytes)));
  // The build's modules carry no names of their own (emcc strips them), so these are the only ones.
  writeFileSync(output, Buffer.concat([bytes, names]));
  runWasmOpt(features, ['--reorder-functions-by-name', '--strip-debug', output, '-o', output]);
}
