// An ESP-IDF build folder, picked or dropped: its flasher_args.json (or flash_args) names the
// files to write and their offsets (parsed by the core); only those files are read, not the
// thousands of objects a build folder also holds.
import { readFiles } from './drop-zone.js';

const ARGS_FILES = ['flasher_args.json', 'flash_args'];

/**
 * lookup(path) -> Promise<File | null>. Resolves to the files for FileList.add(): the args file
 * first (it creates rows with offsets), then each file it names; `missing` lists those not found.
 */
export async function readBuildFolder(lookup, parseIdfBuildArgs) {
  for (const argsName of ARGS_FILES) {
    const argsFile = await lookup(argsName);
    if (!argsFile) continue;
    const [args] = await readFiles([argsFile]);
    const parsed = await parseIdfBuildArgs(new TextDecoder().decode(args.bytes));
    const found = await Promise.all(parsed.files.map((f) => lookup(f.path)));
    const missing = parsed.files.filter((_, i) => !found[i]).map((f) => f.path);
    const bins = await readFiles(found.filter(Boolean));
    return { files: [args, ...bins], missing };
  }
  return null;
}
