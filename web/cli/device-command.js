// Device commands of the CLI (write_flash, read_flash, read_mac, ...): core plans the command
// and builds the request; this file reads the input files, opens the port (a local serial port,
// socket:// or rfc2217://; with none given, each listed port in core's order), prints the lines
// the core logs (progress as esptool prints it) and writes the output file.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { runDeviceCommand } from '../src/driver.js';
import { PortIo } from '../src/port-io.js';
import { LocalSerialPort, openPort, listSerialPorts, PortOpenError } from '../src/node.js';
import { findSameLocalPath } from '../src/ports/local-reacquire.js';
import { defaultStubs } from '../src/stubs.js';
import { workerDeflater } from './worker-deflater.js';

// Unreadable files are left out; core reports them by name. One synchronous read each: nothing
// else runs before they are in, and fs/promises reads a large file in many small steps.
function readInputs(paths) {
  const contents = {};
  for (const path of paths) {
    try {
      contents[path] = readFileSync(path);
    } catch {
      // reported by core
    }
  }
  return contents;
}

// Progress lines overwrite each other on a terminal and follow each other in a pipe, as
// esptool's print_overwrite does.
function makePrinter(out) {
  let overwriting = false;
  const line = (text) => {
    if (overwriting) out.write('\n');
    overwriting = false;
    out.write(`${text}\n`);
  };
  const progress = (text) => {
    if (!text) return;
    if (out.isTTY) {
      out.write(`\r${text}`);
      overwriting = true;
    } else {
      out.write(`${text}\n`);
    }
  };
  return { line, progress };
}

// esptool's open failure (loader.py ESPLoader.__init__) in one line: what failed, the OS's
// reason, and its hint (the dialout one is the seed README's).
function openFailure(error) {
  if (!(error instanceof PortOpenError)) return error?.message ?? String(error);
  const { path, kind, reason } = error;
  switch (kind) {
    case 'no_port':
      return `Could not open ${path}, the port doesn't exist (${reason}). Check if the port is correct and ESP connected.`;
    case 'port_busy':
      return `Could not open ${path}, the port is busy (${reason}). Check if the port is not used by another task.`;
    case 'permission_denied':
      return `Could not open ${path}: ${reason}. Add your user to the dialout group (sudo usermod -a -G dialout <USERNAME>) and log in again.`;
    default:
      return `Could not open ${path}, the port is busy or doesn't exist (${reason}).`;
  }
}

// How long an unplugged local port may stay away while recovery is on (--no-recover: not at all);
// ESPTOOL_WASM_REPLUG_GRACE_MS changes it. Back within it, the command resumes (core decides).
const kReplugGraceMs = 10000;

// A local port that went away is looked for again (same path, or same USB ids and serial
// number) and opened as a new port; remote ports and --no-recover keep esptool's behaviour.
function replugHooks(port, request, env, out, deps) {
  if (!(port instanceof LocalSerialPort) || request.recover === false) return {};
  const grace = Number(env.ESPTOOL_WASM_REPLUG_GRACE_MS ?? kReplugGraceMs);
  const timeoutMs = Number.isFinite(grace) && grace >= 0 ? grace : kReplugGraceMs;
  return {
    reacquire: async (old) => {
      const path = await findSameLocalPath(old, { list: deps.listPorts, timeoutMs });
      return deps.openPort(path, { onWarning: out.line });
    },
    onPortChange: (next) => out.line(`Serial port ${next.path} is back.`),
  };
}

// Tries the command on one port. Resolves {status} when the command ran (or failed after
// connecting), {unreachable: message} when the port could not be opened or no chip answered,
// which lets a scan go on to the next port.
async function runOnPort(m, spec, request, plan, out, deps) {
  let port;
  try {
    port = deps.openPort(spec, { onWarning: out.line });
  } catch (error) {
    return { unreachable: error.message };
  }
  const io = new PortIo(port, {}, replugHooks(port, request, deps.env, out, deps));
  try {
    await io.open(m.initialBaud(request));
  } catch (error) {
    return { unreachable: openFailure(error) };
  }
  const info = port.getInfo?.() ?? {};
  const portRequest = { ...request, portKind: port.portKind ?? 'web' };
  if (info.usbProductId !== undefined) portRequest.usbPid = info.usbProductId;

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const session = new m.DeviceSession();
  try {
    const report = await runDeviceCommand(m, session, io, portRequest, {
      signal: controller.signal,
      onLog: (text, { fromDevice }) => (fromDevice && !plan.trace ? undefined : out.line(text)),
      onProgress: (e) => (plan.noProgress ? undefined : out.progress(e.text)),
      deflate: deps.deflater.deflate,
    });
    if (plan.output !== null) {
      try {
        await writeFile(plan.output, report.data);
      } catch {
        return { status: out.fatal(m.writeFailedMessage(plan.output)) };
      }
    }
    return { status: 0 };
  } catch (error) {
    // Nothing was sent but the reset and SYNCs: another port may hold the chip.
    if (error?.name === 'no_sync' || error?.name === 'chip_mismatch') return { unreachable: error.message, error };
    return { status: out.fatal(error?.message ?? String(error), error) };
  } finally {
    process.off('SIGINT', onSigint);
    await io.close().catch(() => {});
    try {
      session.delete();
    } catch {
      // a wasm abort already reported above leaves nothing to free
    }
  }
}

// No --port: esptool's get_default_connected_device over the listed ports in core's order.
async function scanPorts(m, args, env, request, plan, out, deps) {
  let listed;
  try {
    listed = await deps.listPorts();
  } catch (error) {
    return out.fatal(`Listing the serial ports failed (${error?.message ?? error}); pass --port.`);
  }
  const scan = m.scanPorts(args, env, listed);
  if (!scan.ok) return out.fatal(scan.error.message);
  scan.value.lines.forEach(out.line);
  for (const path of scan.value.ports) {
    out.line(`Serial port ${path}`);
    const r = await runOnPort(m, path, request, plan, out, deps);
    if (r.unreachable === undefined) return r.status;
    out.line(`${path} failed to connect: ${r.unreachable}`);
  }
  return out.fatal(m.noDeviceError(scan.value.ports.length).message);
}

/**
 * Runs a parsed device command line; returns the exit status. `m` is the wasm module,
 * `args`/`env` what parseCommandLine accepted. `deps` replace the system's ports and stdout
 * (tests: a fake port list): {listPorts, openPort, stdout}.
 */
export async function runDeviceCli(m, args, env, deps = {}) {
  deps = { listPorts: listSerialPorts, openPort, stdout: process.stdout, env, deflater: workerDeflater(), ...deps };
  try {
    return await runDeviceCliWith(m, args, env, deps);
  } finally {
    deps.deflater.close();
  }
}

async function runDeviceCliWith(m, args, env, deps) {
  const out = makePrinter(deps.stdout);
  // `error`: the EsptoolError behind the message, when there is one (its code and hint).
  out.fatal = (message, error) => {
    out.line('');
    m.fatalErrorLines(error?.code ?? 0xff, message, error?.hint ?? '').forEach(out.line);
    return 2;
  };
  out.line(m.bannerLine());
  const planned = m.planDeviceCommand(args, env);
  if (!planned.ok) return out.fatal(planned.error.message);
  const plan = planned.value;
  const built = m.deviceRequest(args, env, readInputs(plan.inputs), await defaultStubs());
  if (!built.ok) return out.fatal(built.error.message);
  plan.lines.forEach(out.line);
  if (!plan.port) return scanPorts(m, args, env, built.value, plan, out, deps);
  const r = await runOnPort(m, plan.port, built.value, plan, out, deps);
  return r.unreachable === undefined ? r.status : out.fatal(r.unreachable, r.error);
}
