// What a flash runs, for wasm-split's profile (split-device-wasm.mjs): the device module's code
// these flows call stays in the primary module the page loads first; the rest goes to the
// deferred module, loaded when first called. The flows are the page's and the install button's
// main job on every virtual chip and each of its USB consoles: the facts the forms show, the
// layout check, connect, flash id and security info (the page's chip card), write_flash of a
// bootloader, partition table and app with each one's options (verified, hard reset), and the
// button's erase-then-write.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InlineEngine } from '../src/driver.js';
import * as api from '../src/index.js';
import { loadDeviceModule } from '../src/load-wasm.js';
import { PortIo } from '../src/port-io.js';
import { createVirtualPort, virtualChips } from '../src/virtual/index.js';

const kPartitionsOffset = 0x8000;
const kAppOffset = 0x10000;

/** [{name, offset, data}] a vendor's build would flash on `chip`, made by our own tools. */
function firmwareFor(chip, bootloaderOffset, { native, work }) {
  const elf2image = (args) => execFileSync(join(native, 'esptool_native'), ['--chip', chip, 'elf2image', ...args], { cwd: work });
  const file = (name) => readFileSync(join(work, name));
  if (chip === 'esp8266') {
    elf2image(['-o', 'esp8266_', 'esp8266_app.elf']);
    return [
      { name: 'app-0x00000.bin', offset: 0, data: file('esp8266_0x00000.bin') },
      { name: 'app-0x10000.bin', offset: kAppOffset, data: file('esp8266_0x10000.bin') },
    ];
  }
  const flash = ['--flash_mode', 'dio', '--flash_size', '4MB'];
  // The fixtures have an app ELF for most chips (else the ESP32-C3's, built for this chip) and
  // one bootloader ELF, whose image for some chips is too large to sit below the partition table:
  // then the flow goes without it.
  const appElf = existsSync(join(work, `${chip}_app.elf`)) ? `${chip}_app.elf` : 'esp32c3_app.elf';
  elf2image([...flash, '-o', `boot_${chip}.out`, 'esp32_bootloader.elf']);
  elf2image([...flash, '-o', `app_${chip}.out`, appElf]);
  const bootloader = file(`boot_${chip}.out`);
  const files = [
    { name: 'partitions.bin', offset: kPartitionsOffset, data: file('partitions.bin') },
    { name: 'app.bin', offset: kAppOffset, data: file(`app_${chip}.out`) },
  ];
  if (bootloaderOffset + bootloader.length <= kPartitionsOffset) files.unshift({ name: 'bootloader.bin', offset: bootloaderOffset, data: bootloader });
  return files;
}

const quiet = { onProgress: () => {}, onLog: () => {} };

// An ESP32-S2 on its USB-OTG console cannot be reset into the app: each command ends with that
// error, as on a real board (a path the page shows, so it belongs in the profile too).
const unlessUsbOtgReset = (error) => {
  if (error.name !== 'unsupported_command') throw error;
};

// The page's Connect then Flash, with its defaults (web/page/device-flash.js: skip unchanged
// sectors, verify, compress), twice: the second time one file changed, as when a user reflashes.
async function pageFlow(chip, console, files) {
  const port = createVirtualPort({ worker: false, paced: false, chip, console });
  const device = await api.connect(port, { baud: 921600 });
  const options = { ...quiet, flashMode: 'keep', flashFreq: 'keep', flashSize: 'keep', eraseAll: false, compress: true, verify: true, skipUnchanged: true };
  try {
    await device.flashId(quiet).catch(unlessUsbOtgReset);
    await device.securityInfo(quiet).catch(() => {}); // ESP32 and ESP8266 have none: an error the card shows
    await device.writeFlash(files, options).catch(unlessUsbOtgReset);
    const changed = files.map((f, i) => (i === files.length - 1 ? { ...f, data: f.data.map((b, j) => (j === 100 ? b ^ 1 : b)) } : f));
    await device.writeFlash(changed, options).catch(unlessUsbOtgReset);
  } finally {
    await device.close();
  }
}

// The install button's (web/src/install.js): flash id without a reset, an optional erase, a write.
async function installFlow(chip, console, files, { erase }) {
  const port = createVirtualPort({ worker: false, paced: false, chip, console });
  const device = await api.connect(port, { baud: 921600 });
  try {
    await device.flashId({ ...quiet, after: 'no_reset' });
    if (erase) await device.eraseFlash({ ...quiet, after: 'no_reset' });
    const options = { ...quiet, verify: true, skipUnchanged: !erase, flashMode: 'keep', flashFreq: 'keep', flashSize: 'detect' };
    await device.writeFlash(files, options).catch(unlessUsbOtgReset);
  } finally {
    await device.close();
  }
}

// In a browser the engine's Worker has the write's files compressed on a Worker of its own
// (engine-worker.js, deflate-worker.js): the same module calls, made here on one thread.
async function workerDeflateFlow(chip, files) {
  const m = await loadDeviceModule();
  const io = new PortIo(createVirtualPort({ worker: false, paced: false, chip }));
  await io.open(115200);
  const engine = new InlineEngine(m);
  try {
    const request = { command: 'write_flash', files, stubsOnDemand: true, baud: 921600, verify: true };
    await engine.run(request, io, { ...quiet, deflate: async (input) => m.strongDeflate(input) });
  } finally {
    engine.close();
    await io.close();
  }
}

/** Runs the flows with the device module already loaded (the instrumented one). */
export async function runProfileFlows({ root }) {
  const native = join(root, 'build/native');
  const work = mkdtempSync(join(tmpdir(), 'esptool-profile-'));
  try {
    execFileSync(join(native, 'make_fixtures'), [work]);
    await api.version();
    const chipFacts = new Map((await api.chips()).map((c) => [c.key, c]));
    await api.flashModes();
    for (const { key, consoles } of await virtualChips()) {
      const files = firmwareFor(key, chipFacts.get(key).bootloaderOffset, { native, work });
      await api.checkFlashLayout(files, { chip: key, flashSize: 4 << 20 });
      for (const console of consoles) await pageFlow(key, console, files);
      await installFlow(key, consoles[0], files, { erase: false });
      await installFlow(key, consoles[0], files, { erase: true });
    }
    await workerDeflateFlow('esp32', firmwareFor('esp32', chipFacts.get('esp32').bootloaderOffset, { native, work }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
