// The page's one door to the esptool public API (web/src/index.js). It only loads the module
// and gathers the facts the forms need (chips, flash modes/sizes/frequencies); every rule and
// default stays in the core, and errors pass through as EsptoolError. The offline tools run in
// their Worker (tools-client.js), so converting or hashing a large image never stalls the page;
// its client is loaded on the first call (a visit that only flashes makes none).
import * as esptool from '../src/index.js';

const callTool = async (name, args) => (await import('./tools-client.js')).callTool(name, args);

export const imageInfo = (...args) => callTool('imageInfo', args);
export const elf2image = (...args) => callTool('elf2image', args);
export const mergeBin = (...args) => callTool('mergeBin', args);
export const parseIdfBuildArgs = (...args) => callTool('parseIdfBuildArgs', args);

/** Loads the module; resolves to {version, esptoolVersion, chips, flashModes}. */
export async function load() {
  await esptool.loadEsptool();
  const [v, chips, flashModes] = await Promise.all([esptool.version(), esptool.chips(), esptool.flashModes()]);
  return { ...v, chips, flashModes };
}
