// The benchmarked operations, each in two spellings that do the same work: a call of the public
// JS API (web/src/index.js; wasm-op.mjs runs it) and esptool.py-style CLI arguments (run.mjs
// gives them to build/native/esptool_native and to the Node CLI). Inputs (run.mjs makes them):
//   elf        the ~4 MB ESP32 app ELF (make_fixtures --large-app)
//   app        the image elf2image makes from it
//   bootloader boot_esp32.bin, partitions partitions.bin (make_fixtures)
// OUT in CLI arguments stands for a fresh output path.

const flash = { flashMode: 'dio', flashFreq: '40m', flashSize: '4MB' };
const flashArgs = ['--flash_mode', 'dio', '--flash_freq', '40m', '--flash_size', '4MB'];

// merge_bin inputs as an IDF build lays them out for an ESP32 (bootloader at 0x1000).
const parts = (i) => [
  { address: 0x1000, data: i.bootloader },
  { address: 0x8000, data: i.partitions },
  { address: 0x10000, data: i.app },
];
const partArgs = ['0x1000', '@bootloader', '0x8000', '@partitions', '0x10000', '@app'];

const mergeApi = (options) => async (api, i) => {
  const { files } = await api.mergeBin(parts(i), {
    chip: 'esp32',
    output: 'merged.bin',
    ...flash,
    ...options,
  });
  return files[0].data;
};
const mergeCli = (extra) => [
  '--chip',
  'esp32',
  'merge_bin',
  '-o',
  'OUT',
  ...flashArgs,
  ...extra,
  ...partArgs,
];

/** name -> { label, inputs, run(api, inputs) -> Uint8Array (optional), cli (optional) } */
export const wasmOps = {
  load: {
    label: "load the offline tools' wasm module",
    inputs: [],
  },
  elf2image: {
    label: 'elf2image, 4 MB app ELF',
    inputs: ['elf'],
    run: async (api, i) => {
      const { files } = await api.elf2image(i.elf, { chip: 'esp32', ...flash });
      return files[0].data;
    },
    cli: ['--chip', 'esp32', 'elf2image', ...flashArgs, '-o', 'OUT', '@elf'],
  },
  image_info: {
    label: 'image_info, 4 MB app image',
    inputs: ['app'],
    // The structured facts the page shows; serialized so runs can be compared.
    run: async (api, i) => {
      const info = await api.imageInfo(i.app, { chip: 'esp32' });
      return new TextEncoder().encode(
        JSON.stringify(info, (k, v) =>
          v instanceof Uint8Array
            ? Buffer.from(v).toString('hex')
            : typeof v === 'bigint'
              ? String(v)
              : v,
        ),
      );
    },
    cli: ['--chip', 'esp32', 'image_info', '--version', '2', '@app'],
  },
  merge_raw: {
    label: 'merge_bin raw: bootloader + partitions + app',
    inputs: ['bootloader', 'partitions', 'app'],
    run: mergeApi({ format: 'raw' }),
    cli: mergeCli([]),
  },
  merge_fill16: {
    label: 'merge_bin raw, --fill-flash-size 16MB',
    inputs: ['bootloader', 'partitions', 'app'],
    run: mergeApi({ format: 'raw', fillFlashSize: '16MB' }),
    cli: mergeCli(['--fill-flash-size', '16MB']),
  },
  merge_uf2: {
    label: 'merge_bin --format uf2 (same parts)',
    inputs: ['bootloader', 'partitions', 'app'],
    run: mergeApi({ format: 'uf2' }),
    cli: mergeCli(['--format', 'uf2']),
  },
  merge_hex: {
    label: 'merge_bin --format hex (same parts)',
    inputs: ['bootloader', 'partitions', 'app'],
    run: mergeApi({ format: 'hex' }),
    cli: mergeCli(['--format', 'hex']),
  },
};
