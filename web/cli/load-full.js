// The Node CLI's wasm modules, named here rather than in web/src/load-wasm.js, so the page's files
// never point at them (bundlers and the offline cache leave them out):
//   full     esptool-core: the device and offline tools' bindings plus the CLI's argument layer
//            (wasm/cli_bindings.cpp, wasm/cli_device_bindings.cpp), for device commands
//   offline  esptool-cli-offline: the offline tools plus the CLI's argument layer; a command line
//            that names an offline command parses and runs with it alone (startsOffline below).
//            It is about half the full module and built for speed (-O2), which is most of an
//            offline command's start.
import { loadNamedModule } from '../src/load-wasm.js';

const full = {
  js: new URL('../dist/esptool-core.js', import.meta.url),
  wasm: new URL('../dist/esptool-core.wasm', import.meta.url),
};
const offline = {
  js: new URL('../dist/esptool-cli-offline.js', import.meta.url),
  wasm: new URL('../dist/esptool-cli-offline.wasm', import.meta.url),
};

/** Resolves to the full module (FullModule in web/types/wasm.d.ts); later calls return the same promise. */
export function loadModule() {
  return loadNamedModule('full', full);
}

/**
 * Resolves to the offline CLI module: CommonModule and ToolsModule of web/types/wasm.d.ts plus
 * the CLI's own steps (argumentFiles, expandFileArguments, parseCommandLine, runOffline,
 * bannerLine, fatalErrorLine, fatalErrorLines, writeFailedMessage).
 */
export function loadOfflineModule() {
  return loadNamedModule('cli-offline', offline);
}

// Which module a command line starts with, before core has parsed it: the offline commands' names
// (core/cli/commands.cpp marks them; tests/node/cli.test.mjs checks this list against core) and
// help. A line naming none of them is most likely a device command, which needs the full module
// anyway: it is loaded at once, with the device layer, instead of after the offline module has
// parsed the line (about 20 ms of a write's start). A wrong guess costs only time: the full
// module parses and runs offline commands too.
export const kOfflineWords = new Set(['elf2image', 'image_info', 'make_image', 'merge_bin', 'version', 'help', '-h', '--help']);

/** True when `argv` should start with the offline module (loadOfflineModule). */
export function startsOffline(argv) {
  return argv.some((a) => kOfflineWords.has(a));
}
