// The page's one door to the esptool public API (web/src/index.js). It only loads the module
// and gathers the facts the forms need (chips, flash modes/sizes/frequencies); every rule and
// default stays in the core, and errors pass through as EsptoolError.
import * as esptool from '../src/index.js';

export const { imageInfo, elf2image, mergeBin, parseIdfBuildArgs } = esptool;

/** Loads the module; resolves to {version, esptoolVersion, chips, flashModes}. */
export async function load() {
  await esptool.loadEsptool();
  const [v, chips, flashModes] = await Promise.all([esptool.version(), esptool.chips(), esptool.flashModes()]);
  return { ...v, chips, flashModes };
}
