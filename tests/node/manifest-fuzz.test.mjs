// Seeded fuzzing of the ESP Web Tools manifest parser (web/src/manifest.js parseManifest; issue
// 12 "Fuzzing depth"): valid manifests (the example page's and a few made here that use every
// field) mutated byte by byte and node by node, thousands of cases. For each case the parser
// either returns a well-formed {manifest, warnings} or rejects with EsptoolError (reason
// 'manifest_invalid', one line); never another exception, never a hang (the campaign runs in a
// Worker that is terminated past its time limit). Same seed, same cases: a failure prints the
// case's number and input, and crashes found are kept below as regression inputs.
//   ESPT_MANIFEST_FUZZ_SEED=N ESPT_MANIFEST_FUZZ_CASES=M node --test tests/node/manifest-fuzz.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { root } from './helpers.mjs';

const kSeed = Number(process.env.ESPT_MANIFEST_FUZZ_SEED ?? 12);
const kCases = Number(process.env.ESPT_MANIFEST_FUZZ_CASES ?? 6000);
const kTimeLimitMs = 60000;
const kManifestUrl = 'http://vendor.test/docs/firmware/manifest.json';

// Inputs that once broke the parser (each with what it did), checked on every run.
const kRegressions = [
  // A part path that is no URL: new URL() threw a bare TypeError (Invalid URL) after the checks.
  '{"name":"x","version":"1","builds":[{"chipFamily":"ESP32","parts":[{"path":"http://[::1","offset":0}]}]}',
  '{"name":"x","version":"1","builds":[{"chipFamily":"ESP32","parts":[{"path":"http://a:99999/b.bin","offset":0}]}]}',
  // JSON.parse's message quotes the text around the error, newlines and all: two lines.
  '{"name":\n"x",\n"version": }\n',
];

// ---- the valid manifests mutations start from ----

function seedManifests() {
  const example = readFileSync(join(root, 'web/examples/firmware/manifest.json'), 'utf8');
  const everyField = {
    name: 'Every Field',
    version: '2.1.0',
    home_assistant_domain: 'esphome',
    funding_url: 'https://funding.test/',
    new_install_prompt_erase: false,
    new_install_improv_wait_time: 10,
    builds: [
      { chipFamily: 'ESP32-C3', serialType: 'cdc', flashMode: 'dio', flashFreq: '80m', flashSize: '4MB', parts: [{ path: 'c3/merged.bin', offset: 0 }] },
      { chipFamily: 'ESP32-C3', serialType: 'uart', parts: [{ path: '/abs/c3-uart.bin', offset: 0 }] },
      {
        chipFamily: 'ESP32-S3',
        variants: [
          { name: '8 MB', flashSize: '8MB', parts: [{ path: 's3/8mb.bin', offset: 0 }] },
          { name: '16 MB', flashSize: '16MB', parts: [{ path: 'https://cdn.test/s3/16mb.bin', offset: 0 }] },
        ],
      },
    ],
  };
  const legacy = {
    name: 'Legacy',
    version: '0.9',
    new_install_skip_erase: true,
    improv: false,
    builds: [{ chipFamily: 'ESP8266', improv: true, parts: [{ filename: 'esp8266.bin', offset: 0 }] }],
  };
  return [example, JSON.stringify(everyField, null, 2), JSON.stringify(legacy)];
}

// ---- a seeded generator (mulberry32) and the mutations ----

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (xs) => xs[next.int(xs.length)];
  return next;
}

const kTokens = ['{', '}', '[', ']', '"', ',', ':', 'null', 'true', '-1', '0', '1e309', '4294967296', '0.5', '"\\u0000"', '"\\ud800"', '\\', '\n', '"http://[::1"', '"../../x.bin"', '{}', '[]', '"ESP32"', '"__proto__"'];
const kKeys = ['name', 'version', 'builds', 'parts', 'variants', 'path', 'filename', 'offset', 'chipFamily', 'serialType', 'flashSize', 'flashMode', 'flashFreq', 'improv', 'new_install_prompt_erase', 'new_install_skip_erase', 'new_install_improv_wait_time', 'home_assistant_domain', 'funding_url', '__proto__', 'constructor', 'toString', ''];
const kValues = () => [null, true, false, 0, -0, -1, 1.5, 65536, 2 ** 32, 2 ** 53, -(2 ** 31), 1e308, '', 'x', '0x1000', '65536', 'ESP32', 'ESP32-C3', 'esp32', 'ESP32-P4', 'cdc', 'uart', 'USB', '8MB', 'http://[::1', 'http://a:99999/', 'javascript:alert(1)', '//other.test/a.bin', 'data:,x', ' ', '\u0000', 'a'.repeat(5000), [], {}, [[]], [{}], { path: 'a.bin', offset: 0 }, [{ path: 'a.bin', offset: 0 }], nested(200)];

function nested(depth) {
  let v = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { builds: v };
  return v;
}

function mutateBytes(text, r) {
  let b = Buffer.from(text, 'utf8');
  const rounds = 1 + r.int(4);
  for (let k = 0; k < rounds; k++) {
    const at = r.int(b.length + 1);
    const len = 1 + r.int(Math.min(16, Math.max(1, b.length - at)));
    switch (r.int(6)) {
      case 0: if (at < b.length) b[at] ^= 1 << r.int(8); break;
      case 1: b = Buffer.concat([b.subarray(0, at), b.subarray(at + len)]); break;
      case 2: b = Buffer.concat([b.subarray(0, at), Buffer.from(r.pick(kTokens)), b.subarray(at)]); break;
      case 3: b = Buffer.concat([b.subarray(0, at), Buffer.from([r.int(256)]), b.subarray(at)]); break;
      case 4: b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + len), b.subarray(at)]); break;
      default: if (at < b.length) b[at] = r.pick([0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x30, 0x2d, 0x0a]);
    }
  }
  return b.toString('utf8');
}

// Every container in `v` as [container, key] pairs (key undefined: the root).
function nodes(v, out = [], depth = 0) {
  if (v === null || typeof v !== 'object' || depth > 8) return out;
  for (const key of Object.keys(v)) {
    out.push([v, key]);
    nodes(v[key], out, depth + 1);
  }
  return out;
}

function mutateStructure(text, r) {
  let doc = JSON.parse(text);
  const rounds = 1 + r.int(3);
  for (let k = 0; k < rounds; k++) {
    const all = nodes(doc);
    if (all.length === 0 || r.int(40) === 0) {
      doc = r.pick(kValues());
      continue;
    }
    const [obj, key] = r.pick(all);
    switch (r.int(6)) {
      case 0: obj[key] = r.pick(kValues()); break;
      case 1: if (Array.isArray(obj)) obj.splice(Number(key), 1); else delete obj[key]; break;
      case 2: if (!Array.isArray(obj)) obj[r.pick(kKeys)] = r.pick(kValues()); else obj.push(structuredClone(obj[key])); break;
      case 3: if (Array.isArray(obj[key])) obj[key] = []; else obj[key] = [obj[key]]; break;
      case 4: if (typeof obj[key] === 'number') obj[key] = r.pick([-obj[key], obj[key] + 0.5, obj[key] * 2 ** 20, String(obj[key])]); else obj[key] = r.pick(kValues()); break;
      default: if (typeof obj[key] === 'string') obj[key] = obj[key] + r.pick(['/../x', '\u0000', '%', '#', '?', ' ', '[', ':', '\\']); else obj[key] = r.pick(kValues());
    }
  }
  return doc;
}

// Case i of the campaign: JSON text or, for a third of the structural ones, the object itself
// (the API takes both).
function makeCase(seeds, i) {
  const r = rng((kSeed * 0x9e3779b1 + i) >>> 0);
  const base = seeds[r.int(seeds.length)];
  if (r.int(2) === 0) return mutateBytes(base, r);
  const doc = mutateStructure(base, r);
  return r.int(3) === 0 && doc !== undefined ? doc : JSON.stringify(doc);
}

// ---- the property ----

function describeProblem(result, families) {
  const { manifest, warnings } = result ?? {};
  if (!Array.isArray(warnings) || !warnings.every((w) => typeof w === 'string' && w !== '' && !w.includes('\n'))) return 'warnings are not one-line strings';
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return 'no manifest object';
  if (typeof manifest.name !== 'string' || manifest.name === '') return 'no name';
  if (typeof manifest.version !== 'string') return 'no version';
  if (!Array.isArray(manifest.builds) || manifest.builds.length === 0) return 'no builds';
  const partsOk = (parts) =>
    Array.isArray(parts) && parts.length > 0 &&
    parts.every((p) => typeof p.path === 'string' && p.path !== '' && Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= 0xffffffff && typeof p.url === 'string' && URL.canParse(p.url));
  for (const b of manifest.builds) {
    if (!families.includes(b.chipFamily)) return `a build for ${JSON.stringify(b.chipFamily)}`;
    if (b.serialType !== undefined && b.serialType !== 'cdc' && b.serialType !== 'uart') return 'a bad serialType';
    if (b.variants === undefined && !partsOk(b.parts)) return 'a build without good parts';
    if (b.variants !== undefined && !(Array.isArray(b.variants) && b.variants.length > 0 && b.variants.every((v) => typeof v.name === 'string' && v.name !== '' && partsOk(v.parts)))) return 'bad variants';
    if (b.variants !== undefined && b.parts !== undefined && !partsOk(b.parts)) return 'bad parts beside variants';
  }
  return null;
}

function errorProblem(e, EsptoolError) {
  if (!(e instanceof EsptoolError)) return `threw ${e?.constructor?.name ?? typeof e}: ${e?.message ?? e}`;
  if (e.reason !== 'manifest_invalid') return `EsptoolError with reason ${e.reason}`;
  if (!['bad_argument', 'invalid_json'].includes(e.name)) return `EsptoolError named ${e.name}`;
  if (typeof e.message !== 'string' || e.message === '' || e.message.includes('\n')) return `not one line: ${JSON.stringify(e.message)}`;
  if (e.name === 'bad_argument' && (typeof e.field !== 'string' || e.field === '')) return 'no field named';
  return null;
}

async function check(input, parseManifest, EsptoolError, families) {
  try {
    const result = await parseManifest(input, { manifestUrl: kManifestUrl });
    return describeProblem(result, families);
  } catch (e) {
    return errorProblem(e, EsptoolError);
  }
}

async function loadParser() {
  const { parseManifest } = await import('../../web/src/manifest.js');
  const { EsptoolError } = await import('../../web/src/errors.js');
  const { loadDeviceModule } = await import('../../web/src/load-wasm.js');
  const families = (await loadDeviceModule()).chips().filter((c) => !c.isBeta).map((c) => c.name);
  return { parseManifest, EsptoolError, families };
}

const show = (input) => (typeof input === 'string' ? input : `(object) ${JSON.stringify(input)}`).slice(0, 600);

// ---- the worker: runs the cases, reports failures and progress ----

if (!isMainThread && workerData?.manifestFuzz) {
  const { parseManifest, EsptoolError, families } = await loadParser();
  const seeds = seedManifests();
  const failures = [];
  const counts = { accepted: 0, rejected: 0 };
  for (let i = 0; i < workerData.cases; i++) {
    if (i % 200 === 0) parentPort.postMessage({ progress: i });
    const input = makeCase(seeds, i);
    const problem = await check(input, parseManifest, EsptoolError, families);
    if (problem) failures.push({ i, problem, input: show(input) });
    else counts[(await parseManifest(input, { manifestUrl: kManifestUrl }).then(() => 'accepted', () => 'rejected'))]++;
    if (failures.length >= 10) break;
  }
  parentPort.postMessage({ done: true, failures, counts });
}

// ---- the tests ----

const built = existsSync(join(root, 'web/dist/esptool-device.wasm'));
const skip = built ? false : 'web/dist/esptool-device.wasm is not built (web/tools/build.sh)';

if (isMainThread) {
  test('the seed manifests are valid (the mutations start from good input)', { skip }, async () => {
    const { parseManifest, families } = await loadParser();
    for (const text of seedManifests()) {
      assert.equal(describeProblem(await parseManifest(text, { manifestUrl: kManifestUrl }), families), null, text);
    }
  });

  test('inputs that once broke the parser: a clean one-line rejection', { skip }, async () => {
    const { parseManifest, EsptoolError, families } = await loadParser();
    for (const input of kRegressions) {
      assert.equal(await check(input, parseManifest, EsptoolError, families), null, show(input));
      await assert.rejects(parseManifest(input, { manifestUrl: kManifestUrl }), (e) => e.reason === 'manifest_invalid');
    }
  });

  test(`${kCases} mutated manifests (seed ${kSeed}): a well-formed result or one clean error, never a hang`, { skip, timeout: kTimeLimitMs + 10000 }, async () => {
    const t0 = performance.now();
    const worker = new Worker(new URL(import.meta.url), { workerData: { manifestFuzz: true, cases: kCases } });
    let last = 0;
    const outcome = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.terminate();
        resolve({ hung: true });
      }, kTimeLimitMs);
      worker.on('message', (m) => {
        if (m.progress !== undefined) last = m.progress;
        if (m.done) {
          clearTimeout(timer);
          resolve(m);
        }
      });
      worker.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    await worker.terminate();
    assert.ok(!outcome.hung, `the parser did not finish cases ${last}..${last + 199} within ${kTimeLimitMs} ms (seed ${kSeed})`);
    const report = outcome.failures.map((f) => `case ${f.i}: ${f.problem}\n  input: ${f.input}`).join('\n');
    assert.equal(outcome.failures.length, 0, `seed ${kSeed}:\n${report}`);
    // A campaign whose mutations all fail at JSON.parse, or all pass, tests little.
    assert.ok(outcome.counts.accepted > kCases / 50, `only ${outcome.counts.accepted} mutated manifests were accepted`);
    assert.ok(outcome.counts.rejected > kCases / 4, `only ${outcome.counts.rejected} were rejected`);
    console.log(`# ${kCases} cases in ${Math.round(performance.now() - t0)} ms: ${outcome.counts.accepted} accepted, ${outcome.counts.rejected} rejected`);
  });
}
