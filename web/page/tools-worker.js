// The offline tools' module Worker: image_info, elf2image and merge_bin hash and convert whole
// images (SHA-256 over 4 MiB, a large ELF), which would hold the page's thread for longer than a
// frame; here they run beside it. One message per call: {id, name, args} in, {id, value} or
// {id, error} (EsptoolError's fields) out, the result's file bytes moved rather than copied.
import * as esptool from '../src/index.js';
import { errorFields } from '../src/errors.js';

const kTools = { imageInfo: esptool.imageInfo, elf2image: esptool.elf2image, mergeBin: esptool.mergeBin, parseIdfBuildArgs: esptool.parseIdfBuildArgs };

const buffersOf = (value) => (value?.files ?? []).map((f) => f.data?.buffer).filter(Boolean);

self.onmessage = async ({ data: { id, name, args } }) => {
  try {
    const value = await kTools[name](...args);
    self.postMessage({ id, value }, buffersOf(value));
  } catch (error) {
    self.postMessage({ id, error: errorFields(error) });
  }
};
