#!/usr/bin/env node
// esptool-wasm: esptool.py v4.8.1's command line over the wasm core. This file only reads and
// writes files and prints; expansion of @files, parsing and the commands run in core/cli, the
// same code as the native twin build/native/esptool_native (same lines, same bytes).
import { readFile, writeFile } from 'node:fs/promises';
import { loadModule } from '../src/load-wasm.js';

const print = (line) => process.stdout.write(`${line}\n`);

// Unreadable files are left out; core reports them by name when the command needs them.
async function readFiles(paths, encoding) {
  const contents = {};
  for (const path of paths) {
    try {
      contents[path] = await readFile(path, encoding);
    } catch {
      // reported by core
    }
  }
  return contents;
}

function esptoolEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('ESPTOOL_')));
}

async function run(argv) {
  const m = await loadModule();
  const fatal = (message) => {
    print('');
    print(m.fatalErrorLine(message));
    return 2;
  };
  const texts = await readFiles(m.argumentFiles(argv), 'utf8');
  const expanded = m.expandFileArguments(argv, texts);
  if (!expanded.ok) return fatal(expanded.error.message);
  expanded.value.lines.forEach(print);

  const env = esptoolEnvironment();
  const parsed = m.parseCommandLine(expanded.value.args, env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error.message}\n`);
    return 2;
  }
  const inputs = await readFiles(parsed.value.inputs);
  const result = m.runOffline(expanded.value.args, env, inputs);
  if (!result.ok) {
    print(m.bannerLine());
    return fatal(result.error.message);
  }
  for (const file of result.value.files) {
    try {
      await writeFile(file.name, file.data);
    } catch {
      print(m.bannerLine());
      return fatal(m.writeFailedMessage(file.name));
    }
  }
  result.value.lines.forEach(print);
  return 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  // A wasm abort or a missing build: one line, not a stack trace.
  print('');
  print(`A fatal error occurred: ${error?.message ?? error}`);
  process.exitCode = 2;
}
