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

export function cliTable(r) {
  const names = [...new Set(r.cli.map((c) => c.name))];
  const cells = (tool, name) => {
    const c = r.cli.find((x) => x.tool === tool && x.name === name);
    return c ? [ms(c.wallMs), ms(c.cpuMs), mib(c.maxRssKiB)] : ['–', '–', '–'];
  };
  const label = (name) => r.wasm.find((w) => w.name === name)?.label ?? name;
  const rows = names.map((n) => [label(n), ...cells('wasm', n), ...cells('native', n)]);
  return `\n### CLI, process start to exit: \`esptool-wasm\` (Node + wasm) vs native build\n\n${table(
    [
      'operation',
      'esptool-wasm (ms)',
      'CPU (ms)',
      'peak RSS (MiB)',
      'esptool_native (ms)',
      'CPU (ms)',
      'peak RSS (MiB)',
    ],
    rows,
  )}`;
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
