// The Device tab: wires the connection card, the chip card, the flash card, the read/erase card
// and the log to one DeviceSession. Buttons are enabled by what the session can do now. The
// read/erase card's code and the report's are not needed to connect and flash: they load when
// the user goes there (lazy.js).
import { hasWebSerial } from '../src/index.js';
import { chipCardPlaceholder, initConnectSettings, readSettings, renderChipCard, showConnectError, virtualChoice } from './device-connect.js';
import { ConsolePanel } from './device-console.js';
import { FlashPanel } from './device-flash.js';
import { DeviceLog } from './device-log.js';
import { initMonitor } from './device-monitor.js';
import { DeviceSession } from './device-session.js';
import { loadOnUse } from './lazy.js';

const $ = (id) => document.getElementById(id);
const COMMAND_BUTTONS = ['dev-read', 'dev-erase-region', 'dev-erase', 'dev-reg-read', 'dev-reg-write', 'dev-status-read', 'dev-status-write'];

export function initDevice(facts) {
  initConnectSettings(facts);
  const log = new DeviceLog({ pre: $('dev-log'), copy: $('dev-log-copy'), download: $('dev-log-download'), clear: $('dev-log-clear') });
  const chip = { key: null, flashSize: null };
  let lastVirtual = null;
  let flashPanel = null;

  const panel = new ConsolePanel($('con-out'));
  let monitor = null;
  const session = new DeviceSession({
    settings: readSettings,
    log,
    chipOutput: (line) => panel.addLine(line),
    onChange: () => refresh(),
    // After a write the app runs: show what it prints, on the same open port.
    onFlashed: () => monitor.start(),
  });
  monitor = initMonitor(session, panel);
  loadOnUse($('dev-report'), async () => (await import('./device-extras.js')).initReport(session, log, readSettings));
  const status = $('dev-status');

  function refresh() {
    const { connected, busy } = session;
    // A re-enumerated virtual board is a new port object: the hooks follow it.
    if (session.virtual && session.virtual !== lastVirtual) {
      lastVirtual = session.virtual;
      globalThis.esptoolVirtualPort = lastVirtual;
    }
    $('dev-connect').disabled = Boolean(busy);
    $('dev-virtual').disabled = Boolean(busy);
    $('dev-disconnect').disabled = !connected;
    for (const id of COMMAND_BUTTONS) $(id).disabled = !connected || Boolean(busy);
    const virtual = Boolean(session.virtual);
    for (const id of ['dev-apply-faults', 'dev-unplug']) $(id).disabled = !virtual;
    $('dev-replug').disabled = !lastVirtual || connected;
    if (!connected && chip.key) {
      chip.key = null;
      chip.flashSize = null;
      flashPanel?.chipChanged();
    }
    if (busy) status.textContent = `${busy.label} on ${session.portName}…`;
    else if (connected) status.textContent = `Connected: ${session.portName}.`;
    else if (!status.dataset.keep) status.textContent = 'Not connected.';
    delete status.dataset.keep;
    document.body.dataset.device = connected ? (busy ? 'busy' : 'ready') : 'none';
    flashPanel?.refreshButtons();
    monitor?.refresh();
  }

  // Identifies the chip right after opening: esptool's flash_id, then get_security_info.
  async function identify() {
    chipCardPlaceholder($('dev-chip'), 'Asking the chip who it is…');
    const facts = await session.run('Connect', (device, options) => device.flashId(options));
    // ESP8266 and ESP32 ROMs have no GET_SECURITY_INFO: the card says so, the log stays calm.
    const security = await session
      .run('Security info', (device, options) => device.securityInfo(options), { quiet: true })
      .then((f) => f.security_info ?? [])
      .catch((error) => error);
    renderChipCard($('dev-chip'), facts, security);
    session.chipFacts = facts;
    chip.key = facts.chip_key ?? chipKeyFromName(facts.chip);
    chip.flashSize = facts.flash_size_bytes ?? null;
    flashPanel.chipChanged();
  }

  const chipKeyFromName = (name) => facts.chips.find((c) => c.name === name)?.key ?? null;

  async function connectWith(open) {
    showConnectError(null);
    try {
      await open();
      await identify();
    } catch (error) {
      showConnectError(error);
      if (session.connected && error?.name === 'no_sync') chipCardPlaceholder($('dev-chip'), 'No answer from the chip: see the Connection card.');
      else if (session.connected) chipCardPlaceholder($('dev-chip'), 'The chip did not identify itself.');
      else if (!session.connected) chipCardPlaceholder($('dev-chip'), 'Not connected.');
    }
  }

  $('dev-connect').addEventListener('click', () => {
    if (!hasWebSerial()) {
      showConnectError(new Error('This browser has no Web Serial: use Chrome or Edge on a desktop, over https or localhost. The virtual device works everywhere.'));
      return;
    }
    connectWith(() => session.connectSerial({ allPorts: $('dev-all-ports').checked }));
  });
  $('dev-virtual').addEventListener('click', () =>
    connectWith(async () => {
      await session.connectVirtual(virtualChoice());
      lastVirtual = session.virtual;
      // For the console and for tests: the simulated board (its flash, its test hooks).
      globalThis.esptoolVirtualPort = lastVirtual;
    }),
  );
  $('dev-disconnect').addEventListener('click', async () => {
    await session.disconnect();
    status.dataset.keep = 'true';
    status.textContent = 'Disconnected: the port is free for other programs.';
    chipCardPlaceholder($('dev-chip'), 'Not connected.');
    refresh();
  });

  flashPanel = new FlashPanel(facts, session, () => ({ chip: chip.key, flashSize: chip.flashSize }));
  const hooks = {
    setFaults: async (spec) => session.virtual?.setFaults(spec),
    unplug: async () => session.virtual?.unplug(),
    replug: async () => {
      if (!lastVirtual) return;
      await lastVirtual.replug();
      await connectWith(() => session.open(lastVirtual, session.portName || 'Virtual device').then(() => (session.virtual = lastVirtual)));
      refresh();
    },
  };
  loadOnUse(document.querySelector('.tools-card'), async () => (await import('./device-extras.js')).initDeviceTools(session, hooks));
  refresh();
  return { addFilesToFlash: (files) => flashPanel.addFiles(files) };
}
