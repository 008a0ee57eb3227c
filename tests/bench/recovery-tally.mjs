// Issue 12's recovery tally in `npm run bench`: build/native/recovery_tally (engine against an
// in-process hw-sim in virtual time, tests/engine/recovery_tally.h) runs SEEDS writes (1 MiB,
// compressed, verified) and reads per fault plan and classifies each from the simulated flash.
// Deterministic: one run is the figure. Targets: >= 95% verified under flip / drop / garbage,
// 0 silent, 0 hung everywhere; a port that goes away for good: 100% clean errors within 2x
// esptool.py's time (esptool exits at the next port access after the loss, so its time is the
// moment of the loss: see esptool_ms() in the header).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Runs recovery_tally; returns its JSON plus {seconds, failure}. */
export function recoveryTally({ root, fail, seeds = 20 }) {
  const tool = join(root, 'build/native/recovery_tally');
  if (!existsSync(tool)) fail('build/native/recovery_tally is missing: build first');
  const stubs = join(root, 'node_modules/esptool-js/lib/targets/stub_flasher');
  const t0 = performance.now();
  const r = spawnSync(tool, ['--stubs', stubs, '--seeds', String(seeds)], { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 });
  let result;
  try {
    result = JSON.parse(r.stdout);
  } catch {
    fail(`recovery_tally printed no JSON (exit ${r.status})\n${r.stderr}`);
  }
  result.seconds = (performance.now() - t0) / 1000;
  // Exit 1: a run ended silent, hung or with an unclear error; the figures say which.
  result.failure = r.status === 0 ? null : `recovery_tally exited ${r.status}`;
  for (const row of result.rows) row.target = verdict(row);
  return result;
}

const pct = (n, of) => (of ? `${Math.round((100 * n) / of)}%` : '–');

// Each row against issue 12's target for its plan.
function verdict(row) {
  const unsafe = row.silent + row.hung + row.unclear;
  if (row.replugGraceMs === undefined) {
    return unsafe === 0 && row.verified >= 0.95 * row.runs ? 'met' : 'missed';
  }
  return unsafe === 0 && row.clean === row.runs && row.within2xEsptool === row.runs ? 'met' : 'missed';
}

/** The markdown table. */
export function recoveryTable(r) {
  const head = '| fault plan | op | verified | clean error | silent | hung | unclear | longest (virtual s) | within 2x esptool | target |';
  const rows = r.rows.map((row) => {
    const plan = row.replugGraceMs === undefined ? row.plan : `${row.plan} (replug grace ${row.replugGraceMs / 1000} s)`;
    const twice = row.within2xEsptool === undefined ? '–' : `${row.within2xEsptool}/${row.runs} (worst ${row.maxRatioToEsptool.toFixed(1)}x)`;
    return `| ${plan} | ${row.op} | ${row.verified}/${row.runs} (${pct(row.verified, row.runs)}) | ${row.clean} | ${row.silent} | ${row.hung} | ${row.unclear} | ${(row.maxVirtualMs / 1000).toFixed(1)} | ${twice} | ${row.target} |`;
  });
  return [
    `\n### Recovery tally (engine vs in-process hw-sim, virtual time; ${r.sizeBytes / 2 ** 20} MiB at ${r.baud} baud, seeds 1-${r.seeds}, ${r.seconds.toFixed(0)} s)\n`,
    head,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
