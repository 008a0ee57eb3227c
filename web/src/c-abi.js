// The JS end of wasm/c_abi.h: a module's calls (chips, checkFlashLayout, mergeBin, runOffline, ...)
// and its DeviceSession class, made from the module's plain C exports, so no module needs Embind
// (issue 10: its runtime was most of the glue on the page's critical path). A call goes in
// as the JSON of [name, ...args] with each byte array beside it as a blob (written {"$b": index});
// the result comes back the same way, each blob as a fresh Uint8Array. The one exception: the Node
// CLI's whole files come as views of wasm memory (written {"$v": [address, size]}; see
// wasm/cli_bindings.cpp), which it uses before it calls in again: memory that grows detaches them.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Adds the calls `module` exports through the C interface to it (a module without any: as is). */
export function attachCalls(module, instance) {
  if (!module._espt_call) return module;
  const memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
  // A new view each time: any allocation may grow (and so replace) the memory's buffer.
  const heap = () => new Uint8Array(memory.buffer);
  const put = (bytes) => {
    const at = module._espt_blob_in(bytes.length); // first: it may grow the memory
    heap().set(bytes, at);
  };
  const output = (i) => {
    const at = module._espt_out_data(i);
    return heap().subarray(at, at + module._espt_out_size(i));
  };
  const call = (name, ...args) => {
    const blobs = [];
    // Byte arrays are swapped for blob references before JSON.stringify sees them: it would call a
    // Node Buffer's toJSON (an array of every byte: 8 ms for a 1 MiB file) before any replacer.
    const lift = (value) => {
      if (ArrayBuffer.isView(value)) {
        blobs.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        return { $b: blobs.length - 1 };
      }
      if (Array.isArray(value)) return value.map(lift);
      if (value === null || typeof value !== 'object' || typeof value.toJSON === 'function') return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lift(v)]));
    };
    const json = JSON.stringify(lift([name, ...args]));
    // Copied in only once the JSON is made: arguments JSON cannot hold (a BigInt) throw above and
    // leave nothing behind for the next call.
    for (const bytes of blobs) put(bytes);
    put(encoder.encode(json));
    module._espt_call();
    const result = JSON.parse(decoder.decode(output(0)), (key, value) => {
      if (typeof value?.$b === 'number') return output(value.$b).slice();
      if (Array.isArray(value?.$v)) return heap().subarray(value.$v[0], value.$v[0] + value.$v[1]);
      return value;
    });
    if (typeof result?.$error === 'string') throw new Error(result.$error);
    return result;
  };
  // "session.*" calls are DeviceSession's methods (wasm/engine_bindings.cpp): "session.new" makes
  // a session's handle, which the others take first.
  const sessionMethods = {};
  for (const name of call('calls')) {
    const method = name.startsWith('session.') ? name.slice('session.'.length) : null;
    if (method) sessionMethods[method] = (handle, ...args) => call(name, handle, ...args);
    else module[name] = (...args) => call(name, ...args);
  }
  if (sessionMethods.new) {
    module.DeviceSession = class DeviceSession {
      constructor() {
        this.handle = sessionMethods.new();
      }
    };
    for (const [method, invoke] of Object.entries(sessionMethods)) {
      if (method === 'new') continue;
      module.DeviceSession.prototype[method] = function (...args) {
        return invoke(this.handle, ...args);
      };
    }
  }
  return module;
}
