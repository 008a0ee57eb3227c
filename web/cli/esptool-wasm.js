#!/usr/bin/env node
// esptool-wasm: esptool.py v4.8.1's command line over the wasm core. This file only reads and
// writes files and prints; expansion of @files, parsing and the commands run in core/cli, the
// same code as the native twin build/native/esptool_native (same lines, same bytes).
//
// Start-up is part of every command's time (issue 10): an offline command loads only this file,
// load-full.js and the offline CLI module (esptool-cli-offline, half the full one); the device
// layer (driver, ports, serialport's native binding), the full module and the RFC2217 server are
// loaded when their command runs. Files are read and written with one synchronous call each: a
// CLI has nothing to overlap them with.
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { loadModule, loadOfflineModule, startsOffline } from './load-full.js';

const print = (line) => process.stdout.write(`${line}\n`);

// Unreadable files are left out; core reports them by name when the command needs them.
function readFiles(paths, encoding) {
  const contents = {};
  for (const path of paths) {
    try {
      contents[path] = readFileSync(path, encoding);
    } catch {
      // reported by core
    }
  }
  return contents;
}

// Reads each regular input file straight into wasm memory (m.stageInput), not into a JS buffer
// that is then copied in. Returns {path: bytes} for what is read whole instead (pipes and devices,
// files that changed size while read), which runOffline prefers to a staged copy. Unreadable
// files are left out; core reports them by name.
function stageInputs(m, paths) {
  const reread = {};
  for (const path of paths) {
    let fd = null;
    let staged = false;
    try {
      fd = openSync(path, 'r');
      const stat = fstatSync(fd);
      // A pipe or device has no size to stage: read it whole.
      if (!stat.isFile()) {
        reread[path] = readFileSync(path);
        continue;
      }
      const view = m.stageInput(path, stat.size);
      staged = true;
      let at = 0;
      for (let n = 1; at < stat.size && n > 0; at += n) n = readSync(fd, view, at, stat.size - at, at);
      if (at !== stat.size) reread[path] = readFileSync(path);
    } catch {
      if (staged) m.stageInput(path, -1); // reported by core as unreadable
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
  return reread;
}

// Writes an output file of runOffline: views of the module's memory, not copies (runOffline in
// wasm/cli_bindings.cpp), written before anything calls into the module again; a stale view
// (memory grew) has length 0. A file in pieces (merge_bin's raw image) is written piece by piece,
// its 0xFF runs from one small buffer, so the image is never whole in memory.
function outputPieces(file) {
  const pieces = file.pieces ?? [{ data: file.data }];
  const length = pieces.reduce((n, p) => n + (p.data?.length ?? p.size), 0);
  if (length !== file.size) throw new Error(`the output for ${file.name} went stale`);
  return pieces;
}

function writeOutput(name, pieces) {
  const fd = openSync(name, 'w');
  try {
    for (const piece of pieces) {
      if (piece.data) {
        writeAll(fd, piece.data);
        continue;
      }
      const run = Buffer.alloc(Math.min(piece.size, 1 << 20), piece.fill);
      for (let left = piece.size; left > 0; left -= run.length) writeAll(fd, left >= run.length ? run : run.subarray(0, left));
    }
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd, bytes) {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

function esptoolEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('ESPTOOL_')));
}

async function run(argv) {
  // esptool's esp_rfc2217_server.py is its own program with its own arguments.
  // It serves until SIGINT/SIGTERM and then exits at once, whatever sockets are still closing.
  if (argv[0] === 'rfc2217_server') {
    const { runRfc2217Server } = await import('./rfc2217-server.js');
    process.exit(await runRfc2217Server(await loadModule(), argv.slice(1)));
  }
  const offline = startsOffline(argv);
  // A device command's layer is imported while the full module compiles.
  const deviceLayer = offline ? null : import('./device-command.js');
  deviceLayer?.catch(() => {}); // awaited below when needed; a parse error may end the run first
  const m = await (offline ? loadOfflineModule() : loadModule());
  const fatal = (message) => {
    print('');
    print(m.fatalErrorLine(message));
    return 2;
  };
  const texts = readFiles(m.argumentFiles(argv), 'utf8');
  const expanded = m.expandFileArguments(argv, texts);
  if (!expanded.ok) return fatal(expanded.error.message);
  expanded.value.lines.forEach(print);

  const env = esptoolEnvironment();
  const parsed = m.parseCommandLine(expanded.value.args, env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error.message}\n`);
    return 2;
  }
  if (parsed.value.command !== 'help' && !parsed.value.isOffline) {
    const [{ runDeviceCli }, full] = await Promise.all([deviceLayer ?? import('./device-command.js'), loadModule()]);
    return runDeviceCli(full, expanded.value.args, env);
  }
  const reread = stageInputs(m, parsed.value.inputs);
  const result = m.runOffline(expanded.value.args, env, reread);
  if (!result.ok) {
    print(m.bannerLine());
    return fatal(result.error.message);
  }
  for (const file of result.value.files) {
    const pieces = outputPieces(file);
    try {
      writeOutput(file.name, pieces);
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
// A command exits now, not when the event loop drains: before that exit Node waits for V8's
// background work, which has nothing left to give a finished command (the incremental marking
// that the big input and output buffers started, tier-up compiles of hot wasm functions): 5-25 ms
// of merge_bin --format uf2 or --fill-flash-size 16MB, about 5 ms of a write. Files were written
// synchronously; a device command has closed its port (every byte it wrote was handed to the
// system first: each write is awaited) and stopped its compression worker. Unless stdout or
// stderr still holds some lines (a pipe on macOS): then the loop drains.
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) {
  process.exit();
}
