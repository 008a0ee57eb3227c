// The Connection card and the Chip card: Connect (Web Serial chooser), Virtual device, Disconnect,
// the settings a newcomer never has to touch, and what the chip says about itself (esptool's
// flash_id and get_security_info, shown as a card).
import { errorBox, h, hex, show } from './dom.js';
import { fillSelect } from './dom.js';

const $ = (id) => document.getElementById(id);

const BAUDS = [115200, 230400, 460800, 921600, 1500000, 2000000];
const BEFORE = [
  ['default_reset', 'Reset into the bootloader (DTR/RTS)'],
  ['usb_reset', 'USB-JTAG-Serial reset'],
  ['no_reset', 'No reset (board already in the bootloader)'],
  ['no_reset_no_sync', 'No reset, no sync'],
];
const AFTER = [
  ['hard_reset', 'Hard reset: run the firmware'],
  ['soft_reset', 'Soft reset'],
  ['no_reset', 'Stay in the bootloader'],
  ['no_reset_stub', 'Stay in the flasher stub'],
];
const VIRTUAL_SIZES = ['1MB', '2MB', '4MB', '8MB', '16MB'];

/** Fills the settings' selects; the virtual chips are the core's non-beta chips. */
export function initConnectSettings(facts) {
  fillSelect($('dev-baud'), BAUDS.map((b) => ({ value: String(b), label: String(b) })), '921600');
  fillSelect($('dev-before'), BEFORE.map(([value, label]) => ({ value, label })), 'default_reset');
  fillSelect($('dev-after'), AFTER.map(([value, label]) => ({ value, label })), 'hard_reset');
  const chips = facts.chips.filter((c) => !c.isBeta).map((c) => ({ value: c.key, label: c.name }));
  fillSelect($('dev-virtual-chip'), chips, 'esp32');
  fillSelect($('dev-virtual-size'), VIRTUAL_SIZES.map((s) => ({ value: s })), '4MB');
  const limits = [{ value: '0', label: 'any rate' }, ...[9600, 115200, 460800, 921600].map((b) => ({ value: String(b), label: `${b} baud` }))];
  fillSelect($('dev-virtual-max-baud'), limits, '0');
  const consoles = [
    ['uart', 'USB-UART bridge (CP2102)'],
    ['usb-jtag-serial', "Chip's USB-JTAG-Serial"],
    ['usb-otg', "Chip's USB-OTG (S2, S3)"],
  ];
  fillSelect($('dev-virtual-console'), consoles.map(([value, label]) => ({ value, label })), 'uart');
}

/** The settings every command reads when it starts. */
export function readSettings() {
  return {
    baud: Number($('dev-baud').value),
    before: $('dev-before').value,
    after: $('dev-after').value,
    noStub: !$('dev-stub').checked,
    trace: $('dev-trace').checked,
  };
}

export function virtualChoice() {
  return {
    chip: $('dev-virtual-chip').value,
    flashSize: $('dev-virtual-size').value,
    paced: !$('dev-virtual-fast').checked,
    console: $('dev-virtual-console').value,
    // The test hooks: a fault plan, a line limit, the board's wiring from the first byte on and
    // the Secure Download Mode eFuse.
    faults: $('dev-faults').value.trim(),
    maxBaud: Number($('dev-virtual-max-baud').value),
    noBootWiring: $('dev-virtual-no-io0').checked,
    secureDownloadMode: $('dev-virtual-sdm').checked,
  };
}

const row = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];

// The ESP32 and ESP8266 have no GET_SECURITY_INFO: their ROM refuses it as an invalid message and
// the stub answers "not implemented". That is a fact about the chip, not a failure to report.
const kNoSecurityInfoCommand = new Set(['stub.not_implemented', 'rom.invalid_message']);

function securityErrorText(error) {
  return kNoSecurityInfoCommand.has(error.name) ? 'not reported: this chip has no security info command' : `not available (${error.message})`;
}

/** Fills the chip card from flash_id's facts and get_security_info's lines (or its error). */
export function renderChipCard(card, facts, security) {
  const flash = facts.flash_id === undefined ? '—' : `${hex(facts.flash_id, 6)}`;
  const size = facts.flash_size ?? 'unknown (not in the JEDEC table)';
  const securityValue =
    security instanceof Error
      ? h('span', { class: 'muted' }, securityErrorText(security))
      : h('pre', { class: 'security' }, security.join('\n'));
  show(
    card,
    h('h2', {}, 'Chip'),
    h('p', { class: 'chip-name', 'data-chip': facts.chip ?? '' }, facts.description ?? facts.chip ?? 'unknown chip'),
    h(
      'dl',
      { class: 'facts' },
      row('Chip', facts.chip ?? '—'),
      row('Revision', facts.revision ?? '—'),
      row('Features', (facts.features ?? []).join(', ') || '—'),
      row('Crystal', facts.crystal_mhz ? `${facts.crystal_mhz} MHz` : '—'),
      row('MAC', h('span', { class: 'mono' }, facts.mac ?? '—')),
      row('Flash ID', h('span', { class: 'mono' }, flash)),
      row('Flash size', size),
      row('Security', securityValue),
    ),
  );
}

export function chipCardPlaceholder(card, text) {
  show(card, h('h2', {}, 'Chip'), h('p', { class: 'placeholder' }, text));
}

/** Shows `error` (EsptoolError or a plain Error) in the connection card. */
export function showConnectError(error) {
  show($('dev-error'), error ? errorBox(error) : null);
}
