// The console card's controls: start/stop the serial monitor at a chosen rate, Reset (EN pulse:
// the app starts again), Reset into bootloader, DTR/RTS, send a line with a line ending, pause,
// timestamps, clear and download. The monitor runs on the session's open port (no second
// chooser); a command stops it and a finished Flash with --after hard_reset starts it again.
import { fillSelect, h } from './dom.js';

const $ = (id) => document.getElementById(id);
// ESP-IDF's default 115200 first; 74880 is the ESP8266 ROM's boot-log rate.
const kBauds = [115200, 74880, 9600, 19200, 38400, 57600, 230400, 460800, 921600];
const kEndings = [
  ['\n', 'LF (\\n)'],
  ['\r\n', 'CR LF (\\r\\n)'],
  ['\r', 'CR (\\r)'],
  ['', 'No line ending'],
];
const kControls = ['con-monitor', 'con-reset', 'con-reset-boot', 'con-dtr', 'con-rts', 'con-input', 'con-send'];

/** Wires the console card to `session` and `panel` (a ConsolePanel); returns {refresh, start}. */
export function initMonitor(session, panel) {
  fillSelect($('con-baud'), kBauds.map((b) => ({ value: String(b), label: String(b) })), '115200');
  fillSelect($('con-eol'), kEndings.map(([value, label]) => ({ value, label })), '\n');
  const state = $('con-state');
  const onData = (bytes) => panel.addBytes(bytes);

  const start = () => session.startMonitor(Number($('con-baud').value), onData);

  // Each control acts on the open port; a failure is one line in the log, the monitor goes on.
  const act = (fn) => async () => {
    try {
      await fn();
    } catch (error) {
      session.log.add(`Console: ${error.message}`, 'error');
    }
  };

  $('con-monitor').addEventListener('click', act(() => (session.monitoring ? session.stopMonitor() : start())));
  $('con-baud').addEventListener('change', act(() => session.monitoring && start()));
  $('con-reset').addEventListener('click', act(async () => {
    if (!session.monitoring) await start();
    await session.device.resetChip('run');
  }));
  $('con-reset-boot').addEventListener('click', act(async () => {
    if (!session.monitoring) await start();
    await session.device.resetChip('bootloader');
  }));
  for (const [id, line] of [['con-dtr', 'dtr'], ['con-rts', 'rts']]) {
    $(id).addEventListener('change', act(() => session.device.setLines({ [line]: $(id).checked })));
  }
  $('con-send-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('con-input').value + $('con-eol').value;
    act(async () => {
      await session.device.sendBytes(new TextEncoder().encode(text));
      $('con-input').value = '';
    })();
  });
  $('con-pause').addEventListener('click', () => {
    const paused = !panel.paused;
    panel.setPaused(paused);
    $('con-pause').setAttribute('aria-pressed', String(paused));
    $('con-pause').textContent = paused ? 'Resume' : 'Pause';
  });
  $('con-time').addEventListener('change', () => panel.setTimestamps($('con-time').checked));
  $('con-clear').addEventListener('click', () => panel.clear());
  $('con-download').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([`${panel.text()}\n`], { type: 'text/plain' }));
    const a = h('a', { href: url, download: 'esp-console.txt' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  function refresh() {
    const usable = session.connected && !session.busy;
    for (const id of kControls) $(id).disabled = !usable;
    $('con-monitor').textContent = session.monitoring ? 'Stop monitor' : 'Start monitor';
    $('con-monitor').setAttribute('aria-pressed', String(Boolean(session.monitoring)));
    const lines = session.device?.lines;
    if (lines) {
      $('con-dtr').checked = lines.dtr;
      $('con-rts').checked = lines.rts;
    }
    if (session.monitoring) state.textContent = `Monitor: ${session.monitoring.baud} baud on ${session.portName}.`;
    else if (session.busy) state.textContent = `The chip's output during ${session.busy.label}.`;
    else if (session.connected) state.textContent = 'Monitor stopped. Start it to see what the app prints.';
    else state.textContent = 'What the chip prints shows here, also while a command runs.';
    document.body.dataset.monitor = session.monitoring ? 'on' : 'off';
  }
  return { refresh, start };
}
