// Builds the example install page's firmware (web/examples/firmware/: an ESP32 and an ESP32-S3
// build of bootloader, partition table and app) from the project's own generated fixtures
// (build/native/make_fixtures) with our elf2image. Binaries are outputs, never committed.
// Usage: node web/tools/example-firmware.mjs [OUT_DIR]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = process.argv[2] ?? join(root, 'web/examples/firmware');
const native = join(root, 'build/native');
const cli = existsSync(join(native, 'esptool_native'))
  ? (args, cwd) => execFileSync(join(native, 'esptool_native'), args, { cwd })
  : (args, cwd) => execFileSync(process.execPath, [join(root, 'web/cli/esptool-wasm.js'), ...args], { cwd });

// The flash settings a vendor's build would have; core patches the bootloader header to what the
// board has when they differ.
const kFlash = ['--flash_mode', 'dio', '--flash_freq', '40m', '--flash_size', '4MB'];

const work = mkdtempSync(join(tmpdir(), 'esptool-example-'));
try {
  execFileSync(join(native, 'make_fixtures'), [work]);
  for (const chip of ['esp32', 'esp32s3']) {
    const dir = join(out, chip);
    mkdirSync(dir, { recursive: true });
    cli(['--chip', chip, 'elf2image', ...kFlash, '-o', join(dir, 'bootloader.bin'), 'esp32_bootloader.elf'], work);
    cli(['--chip', chip, 'elf2image', ...kFlash, '-o', join(dir, 'app.bin'), `${chip}_app.elf`], work);
    copyFileSync(join(work, 'partitions.bin'), join(dir, 'partitions.bin'));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
