// Device commands of the CLI (write_flash, read_flash, read_mac, ...): core plans the command
// and builds the request; this file reads the input files, opens the --port URL, prints the
// lines the core logs (progress as esptool prints it) and writes the output file.
import { readFile, writeFile } from 'node:fs/promises';
import { runDeviceCommand } from '../src/driver.js';
import { PortIo } from '../src/port-io.js';
import { portFromUrl } from '../src/node.js';
import { defaultStubs } from '../src/stubs.js';

// Unreadable files are left out; core reports them by name.
async function readInputs(paths) {
  const contents = {};
  for (const path of paths) {
    try {
      contents[path] = await readFile(path);
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

/**
 * Runs a parsed device command line; returns the exit status. `m` is the wasm module,
 * `args`/`env` what parseCommandLine accepted.
 */
export async function runDeviceCli(m, args, env) {
  const out = makePrinter(process.stdout);
  const fatal = (message) => {
    out.line('');
    out.line(m.fatalErrorLine(message));
    return 2;
  };
  out.line(m.bannerLine());
  const planned = m.planDeviceCommand(args, env);
  if (!planned.ok) return fatal(planned.error.message);
  const plan = planned.value;
  const built = m.deviceRequest(args, env, await readInputs(plan.inputs), await defaultStubs());
  if (!built.ok) return fatal(built.error.message);
  const request = built.value;

  const port = portFromUrl(plan.port);
  if (!port) {
    return fatal(`Unsupported port ${plan.port}: esptool-wasm's CLI reaches devices through socket://HOST:PORT or rfc2217://HOST:PORT`);
  }
  plan.lines.forEach(out.line);
  const io = new PortIo(port);
  try {
    await io.open(m.initialBaud(request));
  } catch (error) {
    return fatal(error?.message ?? String(error));
  }

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const session = new m.DeviceSession();
  try {
    const report = await runDeviceCommand(m, session, io, request, {
      signal: controller.signal,
      onLog: (text, { fromDevice }) => (fromDevice && !plan.trace ? undefined : out.line(text)),
      onProgress: (e) => (plan.noProgress ? undefined : out.progress(e.text)),
    });
    if (plan.output !== null) {
      try {
        await writeFile(plan.output, report.data);
      } catch {
        return fatal(m.writeFailedMessage(plan.output));
      }
    }
    return 0;
  } catch (error) {
    return fatal(error?.message ?? String(error));
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
