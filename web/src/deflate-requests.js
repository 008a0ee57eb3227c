// The sending end of a compression Worker's messages, shared by the page's (engine-worker.js
// starts deflate-worker.js) and the Node CLI's (web/cli/worker-deflater.js starts
// web/cli/deflate-worker.js): {id, input} goes out, {id, stream} | {id, error} comes back,
// buffers transferred. The Worker APIs differ (a browser Worker, Node's worker_threads); what is
// sent and awaited does not. The Workers answer with warm-deflate.js's answerDeflateRequest (a
// file apart, so the page's two Worker bundles share no chunk).

/** The sending end: requests by id, each a promise of its zlib stream. */
export function deflateRequests() {
  let nextId = 1;
  const pending = new Map();
  return {
    /** Sends `input` (its buffer moves) through `post(message, transfer)`. */
    send(post, input) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ id, input }, [input.buffer]);
      });
    },
    /** A reply from the Worker. */
    settle({ id, stream, error }) {
      const waiter = pending.get(id);
      pending.delete(id);
      if (error === undefined) waiter?.resolve(stream);
      else waiter?.reject(new Error(error));
    },
    /** The Worker failed or stopped: every request still out fails with `error`. */
    failAll(error) {
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    },
  };
}
