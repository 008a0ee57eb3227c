// Fills the forms' <select>s from facts the core reports (chips, their flash sizes and
// frequencies, flash modes). An empty value means "not given": the core applies its default.
import { fillSelect } from './dom.js';

/** Chip choices: [auto,] then every non-beta chip the core knows, by its CHIP_NAME. */
export function fillChipSelect(select, chips, { auto = false, selected } = {}) {
  const options = chips.filter((c) => !c.isBeta).map((c) => ({ value: c.key, label: c.name }));
  if (auto) options.unshift({ value: 'auto', label: 'Detect from the file' });
  fillSelect(select, options, selected);
}

/** The chip row for `key`, or null (for "auto"). */
export function chipByKey(chips, key) {
  return chips.find((c) => c.key === key) ?? null;
}

/**
 * Flash mode/freq/size choices for `chip` (null: no chip chosen yet, only the default entry).
 * `extra` adds core-understood values such as 'keep'; `defaultLabel` names the empty entry.
 */
export function fillFlashSelects(selects, chip, modes, { extra = [], defaultLabel = 'default' } = {}) {
  const list = (values) => [
    { value: '', label: defaultLabel },
    ...extra.map((v) => ({ value: v, label: v })),
    ...values.map((v) => ({ value: v, label: v })),
  ];
  if (selects.mode) fillSelect(selects.mode, list(modes));
  if (selects.freq) fillSelect(selects.freq, list(chip?.flashFreqs ?? []));
  if (selects.size) fillSelect(selects.size, list(chip?.flashSizes ?? []));
}

/** Options object with only the fields the user set ('' and NaN left out). */
export function given(fields) {
  const out = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === '' || v === undefined || v === null || Number.isNaN(v)) continue;
    out[k] = v;
  }
  return out;
}
