// The Node CLI's wasm modules, named here rather than in web/src/load-wasm.js, so the page's files
// never point at them (bundlers and the offline cache leave them out):
//   full     esptool-core: the device and offline tools' bindings plus the CLI's argument layer
//            (wasm/cli_bindings.cpp, wasm/cli_device_bindings.cpp), for device commands
//   offline  esptool-cli-offline: the offline tools plus the CLI's argument layer; every command
//            starts with it (parsing) and the offline ones end with it. It is about half the
//            full module and built for speed (-O2), which is most of an offline command's start.
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
