// EsptoolError: the one error type of the JS API. Core errors cross the wasm boundary as
// {ok:false, error:{code, name, message, hint}} and become this exception here.

export class EsptoolError extends Error {
  /** @param {{code:number, name:string, message:string, hint?:string, op?:number, address?:number}} e */
  constructor(e, options) {
    super(e.message, options);
    // Stable dotted name (e.g. 'invalid_elf'); match on it (or on code), never on the message.
    this.name = e.name;
    this.code = e.code;
    this.hint = e.hint ?? '';
    if (e.op !== undefined) this.op = e.op;
    if (e.address !== undefined) this.address = e.address;
  }
}

/** Unwraps a wasm result object: returns value or throws EsptoolError. */
export function unwrap(result) {
  if (result.ok) return result.value;
  throw new EsptoolError(result.error);
}

/** Calls into wasm; a wasm abort (a broken invariant) becomes an internal EsptoolError. */
export function callWasm(fn) {
  try {
    return unwrap(fn());
  } catch (cause) {
    if (cause instanceof EsptoolError) throw cause;
    throw new EsptoolError(
      {
        code: 0x00ff,
        name: 'internal',
        message: `Internal error in the esptool wasm module: ${cause?.message ?? cause}`,
        hint: 'Please report this with the input that caused it.',
      },
      { cause },
    );
  }
}

/**
 * The fields of an error as plain data (what crosses a postMessage: structured cloning keeps an
 * Error's message but drops its code and hint); new EsptoolError(fields) rebuilds it.
 */
export function errorFields(error) {
  if (!(error instanceof EsptoolError)) {
    return { code: 0x00ff, name: 'internal', message: `Internal error: ${error?.message ?? error}`, hint: 'Please report this with the command that caused it.' };
  }
  const fields = { code: error.code, name: error.name, message: error.message, hint: error.hint };
  if (error.op !== undefined) fields.op = error.op;
  if (error.address !== undefined) fields.address = error.address;
  return fields;
}
