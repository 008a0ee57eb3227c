// Markdown for `npm run bench`: the machine line and one table per kind of measurement, from the
// results object run.mjs writes to build/bench/results.json.

const ms = (v) => (v == null ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const mib = (kib) => (kib == null ? '–' : (kib / 1024).toFixed(1));
const bytesMiB = (b) => (b == null ? '–' : (b / 2 ** 20).toFixed(1));
const kb = (b) => (b / 1000).toFixed(1);
const size = (b) =>
  b == null ? '–' : b >= 1e6 ? `${(b / 2 ** 20).toFixed(2)} MiB` : `${kb(b)} kB`;

function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function machine(r) {
  const m = r.machine;
  return [
    `esptool-wasm bench, ${r.date.slice(0, 10)}: ${m.nproc} × ${m.cpu}, ${m.memGiB} GiB,`,
    `Node ${m.node}, ${m.platform}; load average ${m.loadAverage.join(' -> ')} during the run;`,
    `medians of ${r.reps} (API) and ${r.cliReps} (CLI) runs, each in a fresh process;`,
    'CPU = user + system time of the process (less disturbed by other load than wall time).',
    `Inputs: app ELF ${r.inputs.elf} B, app image ${r.inputs.app} B, bootloader ` +
      `${r.inputs.bootloader} B, partition table ${r.inputs.partitions} B.`,
  ].join('\n');
}

export function wasmTable(r) {
  const rows = r.wasm.map((w) =>
    w.coldMs == null
      ? [w.label, '–', ms(w.loadMs), '–', '–', mib(w.maxRssKiB), bytesMiB(w.wasmMemoryBytes)]
      : [
          w.label,
          size(w.outputBytes),
          ms(w.coldMs),
          ms(w.coldCpuMs),
          ms(w.warmMs),
          mib(w.maxRssKiB),
          bytesMiB(w.wasmMemoryBytes),
        ],
  );
  return `\n### WASM build under Node (JS API, in process)\n\n${table(
    [
      'operation',
      'output',
      'first call (ms)',
      'its CPU (ms)',
      'second call (ms)',
      'peak RSS (MiB)',
      'wasm memory (MiB)',
    ],
    rows,
  )}`;
}

// Issue 10's target for the Node CLI against esptool.py 4.8.1, whole process, wall time.
export const kCliTargetRatio = 1.5;

export function cliTable(r) {
  const names = [...new Set(r.cli.map((c) => c.name))];
  const find = (tool, name) => r.cli.find((x) => x.tool === tool && x.name === name);
  const cells = (tool, name) => {
    const c = find(tool, name);
    return c ? [ms(c.wallMs), ms(c.cpuMs), mib(c.maxRssKiB)] : ['–', '–', '–'];
  };
  const versus = (name) => {
    const [w, p] = [find('wasm', name), find('esptool.py', name)];
    if (!w || !p) return ['–', '–'];
    const x = p.wallMs / w.wallMs;
    return [`${x.toFixed(2)}x${x >= kCliTargetRatio ? '' : ` (target ${kCliTargetRatio}x)`}`, p.comparableSha256 === w.comparableSha256 ? 'yes' : 'no'];
  };
  const label = (name) => r.wasm.find((w) => w.name === name)?.label ?? name;
  const rows = names.map((n) => [label(n), ...cells('wasm', n), ...cells('esptool.py', n), ...versus(n), ...cells('native', n)]);
  const py = r.cliEsptoolPy ?? {};
  const start = r.cliNodeStartMs ?? {};
  const notes = [
    py.missing
      ? `esptool.py 4.8.1 not run: ${py.missing}.`
      : `esptool.py 4.8.1: \`${py.command.join(' ')}\`; "vs esptool.py" is its wall time over ours; ` +
        'printed output (image_info) is compared after the version banner, which names each tool.',
    `Node's own start (\`node -e 0\`): ${ms(start.bare)} ms` +
      (start.withExtraCaCerts == null
        ? '.'
        : `; ${ms(start.withExtraCaCerts)} ms with this machine's NODE_EXTRA_CA_CERTS, which the CLI rows leave out (Node parses that CA file before any script runs; no command here uses TLS).`),
  ];
  return `\n### CLI, process start to exit: \`esptool-wasm\` (Node + wasm) vs esptool.py 4.8.1 and the native build\n\n${table(
    [
      'operation',
      'esptool-wasm (ms)',
      'CPU (ms)',
      'peak RSS (MiB)',
      'esptool.py (ms)',
      'CPU (ms)',
      'peak RSS (MiB)',
      'vs esptool.py',
      'same output as esptool.py',
      'esptool_native (ms)',
      'CPU (ms)',
      'peak RSS (MiB)',
    ],
    rows,
  )}\n\n${notes.join('\n')}`;
}

export function pageTable(r) {
  const t = r.page.totals;
  const row = (name, k, n) =>
    t[k] ? [name, n, kb(t[k].raw), kb(t[k].gzip), kb(t[k].brotli)] : null;
  const count = (k) => r.page.files.filter((f) => k === 'total' || f.kind === k).length;
  const rows = [
    row('HTML, CSS, JS, images', 'js/html/css', count('js/html/css')),
    row('wasm', 'wasm', count('wasm')),
    row('total', 'total', count('total')),
  ].filter(Boolean);
  const files = r.page.files.map((f) => f.path).join(', ');
  return `\n### Page transfer size (${r.page.entry} and what it loads)\n\n${table(
    ['files', 'count', 'raw (kB)', 'gzip -9 (kB)', 'brotli 11 (kB)'],
    rows,
  )}\n\nFiles: ${files}`;
}

// --- device figures (tests/bench/device.mjs) ---------------------------------------------------

const sec = (v) => (v == null ? '–' : (v / 1000).toFixed(2));
const ratio = (v) => (v == null ? '–' : v.toFixed(2));
const dataSize = (b) => `${b / 2 ** 20} MiB`;

export function deviceWriteTable(r) {
  const rows = r.device.writes
    .filter((w) => w.writeMs != null)
    .map((w) => [
      w.chip,
      w.loader,
      String(w.baud),
      `${dataSize(w.bytes)} ${w.data}`,
      kb(w.hostBytes),
      sec(w.wireMs),
      sec(w.flashMs),
      sec(w.writeMs),
      ratio(w.ratio),
      ratio(w.overlapRatio),
      sec(w.verifyMs),
      sec(w.readyMs),
    ]);
  return `\n### write_flash in virtual time (engine against hw-sim, in process)\n\n${table(
    [
      'chip',
      'loader',
      'baud',
      'data',
      'sent (kB)',
      'wire (s)',
      'flash (s)',
      'write (s)',
      'write / (wire + flash)',
      'write / max(wire, flash)',
      'MD5 check (s)',
      'connect to ready (s)',
    ],
    rows,
  )}\n\nwrite = esptool's "Wrote ... in T seconds" span (begin command to the last block written). ` +
    'sent = every byte the host sent in that span (deflated data with the stub, raw 1 KiB blocks ' +
    'with the ROM, plus packet headers, SLIP escapes and the begin command); wire = sent × 10 bits ' +
    '/ baud; flash = hw-sim NOR time for the region (64 KiB block erases where aligned, 4 KiB ' +
    `sector erases otherwise, ${r.device.flashTiming.pageProgramMs} ms per 256-byte page; ` +
    `${r.device.flashTiming.blockEraseMs} / ${r.device.flashTiming.sectorEraseMs} ms per block / ` +
    'sector). The stub receives the next block while it writes the previous one, so a write can ' +
    'take less than wire + flash; max(wire, flash) is the bound with perfect overlap. Firmware = an ' +
    'ESP32 app image from the bench ELF (1 MiB at 0x10000) or a merged bootloader + partition ' +
    'table + app flash image (4 MiB at 0); random = incompressible bytes. Inputs padded to the ' +
    'exact size with 0xFF.'
  ;
}

export function connectTable(r) {
  const chips = [...new Set(r.device.connects.map((c) => c.chip))];
  const cell = (chip, loader, baud) => {
    const c = r.device.connects.find((x) => x.chip === chip && x.loader === loader && x.baud === baud);
    return sec(c?.readyMs);
  };
  const rows = chips.map((chip) => [
    chip,
    cell(chip, 'stub', 921600),
    cell(chip, 'stub', 115200),
    cell(chip, 'rom', 115200),
  ]);
  return `\n### Connect to ready in virtual time (reset, sync, detect, stub, baud, flash size)\n\n${table(
    ['chip', 'stub, 921600 (s)', 'stub, 115200 (s)', 'ROM only, 115200 (s)'],
    rows,
  )}\n\nFrom the first DTR/RTS change to the write_flash's "Flash will be erased" line.`;
}

export function skipTable(r) {
  const rows = r.device.skipUnchanged
    .filter((s) => s.fullMs != null)
    .map((s) => [
      String(s.baud),
      sec(s.fullMs),
      sec(s.reflashMs),
      `${(s.fraction * 100).toFixed(1)}%`,
      s.fraction <= s.limit ? 'yes' : '**NO**',
    ]);
  return `\n### write_flash --skip-unchanged: 4 MiB image, one 4 KiB sector changed (virtual time)\n\n${table(
    ['baud', 'full write (s)', 'reflash (s)', 'reflash / full', '<= 10%'],
    rows,
  )}\n\nBoth are whole commands (connect, stub, baud, write, MD5 check of the 4 MiB, reset); the ` +
    'reflash compares 64 KiB blocks by MD5, then the sectors of a differing block, and writes the ' +
    'changed sector only. The bench fails above 10%.';
}

export function wallClockTable(r) {
  const w = r.wallClock;
  const ours = w['esptool-wasm'];
  const names = {
    'esptool-js': 'esptool-js 0.7.0 (Node, Rfc2217Port)',
    'esptool.py': 'esptool.py 4.8.1 (python3, pyserial rfc2217)',
    'esptool-wasm': 'esptool-wasm CLI',
  };
  const tools = ['esptool-js', 'esptool.py', 'esptool-wasm'].filter((t) => w[t]);
  const rows = tools.map((tool) => [names[tool], sec(w[tool].wallMs), sec(w[tool].writeMs)]);
  // The floor: the bytes zlib -9 produces, at 10 bits a byte (what esptool.py sends).
  const wire = w['esptool.py']?.wireMs ?? w['esptool-js']?.wireMs ?? ours.wireMs;
  rows.push(['the wire (zlib -9 bytes x 10 / 921600)', sec(wire), sec(wire)]);
  for (const tool of tools.filter((t) => t !== 'esptool-wasm')) {
    rows.push([`${tool} / esptool-wasm`, ratio(w[tool].wallMs / ours.wallMs), ratio(w[tool].writeMs / ours.writeMs)]);
  }
  rows.push(['esptool-wasm / wire', ratio(ours.wallMs / wire), ratio(ours.writeMs / wire)]);
  const missing = w.esptoolPyMissing ? ` esptool.py did not run: ${w.esptoolPyMissing}.` : '';
  return `\n### Wall clock: the 1 MiB firmware write at 921600 against \`hw-sim --baud-pacing on\` (RFC 2217)\n\n${table(
    ['tool', 'process start to exit (s)', 'its "Wrote ... in T seconds" (s)'],
    rows,
  )}\n\nMedians of ${w.reps} runs each, alternating, each against a fresh server; after every run ` +
    "our CLI's verify_flash checked the server's flash. All connect with a classic reset and " +
    'upload their stub; esptool.py and esptool-js then switch to 921600, our CLI switches in the ROM ' +
    'before the upload; all write compressed and hard-reset.' + missing;
}

export function pageFlashTable(r) {
  const runs = r.pageFlash.runs.filter((x) => x.ok);
  if (!runs.length) return '\n### The page: no successful run';
  const rows = runs.map((x, i) => [
    String(i + 1),
    sec(x.connectReadyMs),
    sec(x.flashMs),
    kb(x.sentBytes),
    sec(x.wireMs),
    ratio(x.ratio),
    ms(x.longestTaskMs),
    String(x.longTasksOver50),
    ms(x.readLongestMs),
    ms(x.cancelMs),
    ['elf2image', 'image_info', 'merge_bin'].map((t) => ms(x.toolsLongestMs?.[t])).join(' / '),
  ]);
  return `\n### The page in headless Chromium: 4 MiB firmware to the virtual ESP32 at 921600, paced\n\n${table(
    [
      'run',
      'navigation to interactive Connect (s)',
      'Flash click to done (s)',
      'sent (kB)',
      'wire limit (s)',
      'done / wire',
      'longest main-thread task (ms)',
      'tasks over 50 ms',
      'longest task, 4 MiB read (ms)',
      'Cancel reaction (ms)',
      'longest task, elf2image / image_info / merge_bin (ms)',
    ],
    rows,
  )}\n\nThe write goes through the page's buttons and JS driver to hw-sim in a Worker (paced at ` +
    'the line rate); "Flash click to done" covers the whole command: reset, stub, baud change, ' +
    'compressed write, MD5 verify, reset. Wire limit: bytes the page sent x 10 / 921600. ' +
    'Skip-unchanged off (blank chip); the flash is checked by SHA-256 afterwards. Targets: no ' +
    'main-thread task over 50 ms, Cancel within 100 ms (the bench fails when no run meets them).';
}
