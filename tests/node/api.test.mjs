// The JS API (web/src/index.js) over the wasm build, on fixtures from make_fixtures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EsptoolError,
  elf2image,
  imageInfo,
  loadEsptool,
  makeImage,
  mergeBin,
  parseFlashArgs,
  parseFlasherArgsJson,
  parseIdfBuildArgs,
  version,
} from '../../web/src/index.js';
import { makeFixtureDir } from './helpers.mjs';

let fx;
before(() => {
  fx = makeFixtureDir();
});
after(() => fx.cleanup());
const fixture = (name) => readFileSync(join(fx.dir, name));

test('the module loads once and reports the esptool version it matches', async () => {
  await loadEsptool();
  await loadEsptool();
  const v = await version();
  assert.equal(v.esptoolVersion, '4.8.1');
  assert.match(v.version, /^\d+\.\d+\.\d+$/);
});

test('elf2image returns esptool lines and the image named after the input', async () => {
  const out = await elf2image(fixture('esp32_app.elf'), {
    chip: 'esp32',
    inputName: 'app.elf',
    flashMode: 'dio',
    flashSize: '4MB',
  });
  assert.deepEqual(out.lines, [
    'Creating esp32 image...',
    'Merged 2 ELF sections',
    'Successfully created esp32 image.',
  ]);
  assert.equal(out.files.length, 1);
  assert.equal(out.files[0].name, 'app.bin');
  assert.ok(out.files[0].data instanceof Uint8Array);
  assert.equal(out.files[0].data[0], 0xe9);
  assert.equal(out.files[0].data[2], 2); // DIO
});

test('imageInfo returns the header, segment table, verdicts and app description', async () => {
  const { files } = await elf2image(fixture('esp32_app.elf'), { chip: 'esp32', flashSize: '4MB' });
  const info = await imageInfo(files[0].data);
  assert.equal(info.chip, 'esp32');
  assert.equal(info.chipDetected, true);
  assert.equal(info.fileSize, files[0].data.length);
  assert.equal(info.flashModeName, 'QIO');
  assert.equal(info.flashSizeName, '4MB');
  assert.equal(info.extended.chipId, 0);
  assert.equal(info.extended.chipIdName, 'ESP32');
  assert.ok(info.segments.length >= 2);
  assert.equal(info.segments[0].fileOffset, 0x18);
  assert.deepEqual(info.segments[0].memoryTypes, ['DROM']);
  assert.equal(info.checksum.valid, true);
  assert.equal(info.sha256.valid, true);
  assert.equal(info.sha256.stored, info.sha256.calculated);
  assert.equal(info.app.projectName, 'hello_world');
  assert.equal(info.bootloader, null);
  assert.equal(info.lines[0], `File size: ${files[0].data.length} (bytes)`);
});

test('imageInfo reports a corrupted byte as an invalid checksum and hash', async () => {
  const { files } = await elf2image(fixture('esp32_app.elf'), { chip: 'esp32' });
  const bytes = Uint8Array.from(files[0].data);
  bytes[0x20] ^= 0xff;
  const info = await imageInfo(bytes, { version: 2 });
  assert.equal(info.checksum.valid, false);
  assert.equal(info.sha256.valid, false);
  assert.ok(info.lines.some((l) => l.startsWith('Checksum: ') && l.includes('invalid')));
});

test('errors are EsptoolError with a stable name and code', async () => {
  await assert.rejects(imageInfo(new Uint8Array(0)), (e) => {
    assert.ok(e instanceof EsptoolError);
    assert.equal(e.name, 'invalid_image');
    assert.equal(e.code, 0x11);
    assert.equal(e.message, 'File is empty');
    return true;
  });
  await assert.rejects(elf2image(new Uint8Array([1, 2, 3]), { chip: 'esp32' }), {
    name: 'invalid_elf',
  });
  await assert.rejects(elf2image(fixture('esp32_app.elf'), { chip: 'esp32', padToSize: '0x100' }), {
    name: 'bad_argument',
    message: 'Unknown size 0x100',
  });
});

test('makeImage writes an ESP8266 v1 image under the output prefix', async () => {
  const out = await makeImage(
    [
      { address: 0x40100000, data: new Uint8Array([1, 2, 3, 4, 5]) },
      { address: 0x3ffe8000, data: new Uint8Array(8) },
    ],
    { output: 'out', entry: 0x40100004 },
  );
  assert.deepEqual(out.lines, ['Creating auto image...', 'Successfully created auto image.']);
  assert.equal(out.files[0].name, 'out0x00000.bin');
  const info = await imageInfo(out.files[0].data);
  assert.equal(info.chip, 'esp8266');
  assert.equal(info.entry, 0x40100004);
  assert.deepEqual(
    info.segments.map((s) => [s.address, s.length]),
    [
      [0x40100000, 8],
      [0x3ffe8000, 8],
    ],
  );
});

test('mergeBin places files at their offsets, pads with 0xFF and patches the bootloader', async () => {
  const boot = fixture('boot_esp32.bin');
  const app = new Uint8Array(16).fill(0x5a);
  const out = await mergeBin(
    [
      { address: 0x10000, data: app, name: 'app.bin' },
      { address: 0x1000, data: boot, name: 'boot.bin' },
    ],
    { chip: 'esp32', output: 'merged.bin', flashMode: 'dio', flashSize: '4MB' },
  );
  assert.equal(out.files[0].name, 'merged.bin');
  const merged = out.files[0].data;
  assert.equal(merged.length, 0x10000 + 16);
  assert.equal(merged[0], 0xff);
  assert.equal(merged[0x1000], 0xe9);
  assert.equal(merged[0x1002], 2); // dio
  assert.deepEqual(merged.subarray(0x10000), app);
  assert.ok(out.lines.some((l) => l.startsWith('Wrote 0x10010 bytes to file merged.bin')));
  await assert.rejects(
    mergeBin([{ address: 0, data: app }, { address: 8, data: app }], { chip: 'esp32', output: 'm' }),
    { name: 'overlap' },
  );
  await assert.rejects(mergeBin([{ address: 0, data: app }], { chip: 'auto', output: 'm' }), {
    name: 'bad_argument',
  });
});

test('parseIdfBuildArgs reads flash_args text and flasher_args.json', async () => {
  const fromText = await parseIdfBuildArgs(
    '--flash_mode dio --flash_freq 40m --flash_size 2MB\n0x1000 bootloader/bootloader.bin\n0x10000 app.bin\n',
  );
  assert.equal(fromText.flashMode, 'dio');
  assert.equal(fromText.chip, null);
  assert.deepEqual(fromText.files, [
    { offset: 0x1000, path: 'bootloader/bootloader.bin' },
    { offset: 0x10000, path: 'app.bin' },
  ]);
  const fromJson = await parseIdfBuildArgs(
    JSON.stringify({
      flash_settings: { flash_mode: 'qio', flash_size: '4MB', flash_freq: '80m' },
      flash_files: { '0x0': 'bootloader/bootloader.bin', '0x10000': 'app.bin' },
      extra_esptool_args: { chip: 'esp32c3' },
    }),
  );
  assert.equal(fromJson.chip, 'esp32c3');
  assert.equal(fromJson.files[1].offset, 0x10000);
  await assert.rejects(parseFlasherArgsJson('not json'), { name: 'invalid_json' });
  assert.equal((await parseFlashArgs('0x0 a.bin')).files.length, 1);
});
