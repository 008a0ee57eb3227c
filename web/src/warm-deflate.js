// core's strong_deflate as the compression Workers call it (web/src/deflate-worker.js,
// web/cli/deflate-worker.js). V8 runs a wasm function's first call to its end in baseline code
// (it has no on-stack replacement for wasm), and libdeflate compresses a whole file in one call:
// compressing a small piece first gets its loops optimised before the real call. 4 MiB in Node 20:
// 0.59 s with the 64 KiB warm-up against 0.77 s without.
const kWarmUpBytes = 64 * 1024;
let warm = false;

/** The zlib stream the engine would send for `input`, from module `m`. */
export function warmStrongDeflate(m, input) {
  if (!warm && input.length > 4 * kWarmUpBytes) m.strongDeflate(input.subarray(0, kWarmUpBytes));
  warm = true;
  return m.strongDeflate(input);
}

/**
 * A compression Worker's answer to request {id, input} (deflate-requests.js is the sending end):
 * core's stream from `module` (a promise), through `post(message, transfer)`.
 */
export async function answerDeflateRequest(module, { id, input }, post) {
  try {
    const stream = warmStrongDeflate(await module, input);
    post({ id, stream }, [stream.buffer]);
  } catch (error) {
    post({ id, error: error?.message ?? String(error) });
  }
}
