// A bug report in one text file: what a maintainer asks for first (versions, browser, port USB
// ids, chip facts, settings, the log, the protocol trace with times), with identifiers (MAC
// addresses, USB serial numbers, chip ids) masked unless the reporter opts in. Pure: the caller
// gathers the parts; nothing here reads the page or the port.

// aa:bb:cc:dd:ee:ff or aa-bb-..: the vendor half (OUI) stays, it names the maker, not the board.
const kMac = /\b([0-9a-f]{2}[:-][0-9a-f]{2}[:-][0-9a-f]{2})[:-][0-9a-f]{2}[:-][0-9a-f]{2}[:-][0-9a-f]{2}\b/gi;
const kMasked = '(redacted)';

/** Masks MAC addresses in `text` (keeps the vendor's first three bytes). */
export function redactText(text) {
  return String(text).replace(kMac, (_, oui) => `${oui}:xx:xx:xx`);
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

function traceLine({ time, kind, bytes, length, value }, redact) {
  const t = `+${(time / 1000).toFixed(3)}`;
  if (kind === 'write' || kind === 'read') {
    // Replies carry register values (eFuse words hold the MAC): their bytes only on opt-in.
    const shown = redact && kind === 'read' ? '' : `: ${hex(bytes)}${length > bytes.length ? ' …' : ''}`;
    return `${t} ${kind === 'write' ? 'Write' : 'Read'} ${length} bytes${shown}`;
  }
  if (kind === 'signals') return `${t} DTR=${Number(value.dtr)} RTS=${Number(value.rts)}`;
  return `${t} baud ${value}`;
}

const kIdentifierFacts = new Set(['mac', 'chip_id', 'serial_number', 'serialNumber']);

function factLines(facts, redact) {
  return Object.entries(facts ?? {}).map(([key, value]) => {
    let text = Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    if (redact && kIdentifierFacts.has(key)) text = key === 'mac' ? redactText(text) : kMasked;
    return `  ${key}: ${text}`;
  });
}

/**
 * The report's text. parts: {pageVersion, coreVersion, esptoolVersion, userAgent, port: {name,
 * usbVendorId, usbProductId, serialNumber?}, chip: facts, settings: {}, log: [lines],
 * trace: [{time (ms), kind, bytes, length, value}]}; redact (default true) masks identifiers.
 */
export function buildReport(parts, { redact = true } = {}) {
  const { port = {}, chip, settings = {}, log = [], trace = [] } = parts;
  const id = (n) => (n === undefined ? '—' : `0x${n.toString(16).padStart(4, '0')}`);
  const out = [
    'esptool-wasm report',
    `Created: ${new Date().toISOString()}`,
    `Identifiers: ${redact ? 'redacted (MAC addresses masked, serial numbers and chip ids removed)' : 'included by the reporter'}`,
    '',
    '## Versions',
    `  page: ${parts.pageVersion ?? '—'}`,
    `  core: ${parts.coreVersion ?? '—'} (esptool.py ${parts.esptoolVersion ?? '—'} compatible)`,
    `  browser: ${parts.userAgent ?? '—'}`,
    '',
    '## Port',
    `  name: ${port.name ?? '—'}`,
    `  USB vendor id: ${id(port.usbVendorId)}`,
    `  USB product id: ${id(port.usbProductId)}`,
  ];
  if (port.serialNumber) out.push(`  USB serial number: ${redact ? kMasked : port.serialNumber}`);
  out.push('', '## Chip', ...(chip ? factLines(chip, redact) : ['  (not identified)']));
  out.push('', '## Settings', ...Object.entries(settings).map(([k, v]) => `  ${k}: ${v}`));
  const logLines = redact ? log.map(redactText) : log;
  out.push('', `## Log (${log.length} lines)`, ...logLines);
  out.push('', `## Protocol trace (${trace.length} entries, seconds since the page loaded)`, ...trace.map((e) => traceLine(e, redact)));
  return `${out.join('\n')}\n`;
}
