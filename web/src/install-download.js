// Downloads for an install: a manifest or a firmware part, with each failure said in one
// sentence: the HTTP status, or a CORS refusal named as such with the host and what to change
// (fetch() reports both a network failure and a CORS refusal as a bare TypeError).
import { manifestError } from './manifest.js';

function pageOrigin(pageUrl) {
  try {
    return new URL(pageUrl ?? globalThis.location?.href).origin;
  } catch {
    return null;
  }
}

/**
 * Fetches `url`; resolves to {bytes, text}. Rejects with EsptoolError reason 'http_error',
 * 'cors' or 'network' (or `reason` when given), field 'path'.
 */
export async function downloadPart(fetchFn, url, { what, reason, pageUrl, signal } = {}) {
  let response;
  try {
    response = await fetchFn(url, { signal });
  } catch (cause) {
    if (cause?.name === 'AbortError') throw cause;
    const target = new URL(url);
    const origin = pageOrigin(pageUrl);
    if (origin && target.origin !== origin && /^https?:$/.test(target.protocol)) {
      throw await manifestError(reason ?? 'cors', `${what} could not be read from ${target.host}: the browser refused it (CORS), or the host is unreachable.`, {
        cause,
        hint: `${target.host} must send "Access-Control-Allow-Origin: ${origin}" (or *) with ${target.pathname}, or host the file next to this page.`,
      });
    }
    throw await manifestError(reason ?? 'network', `${what} could not be downloaded from ${url}: ${cause?.message ?? cause}.`, { cause, hint: 'Check the network and the URL.' });
  }
  if (!response.ok) {
    throw await manifestError(reason ?? 'http_error', `Downloading ${what.replace(/^F/, 'f')} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} (${url}).`, {
      hint: response.status === 404 ? 'Check the path in the manifest: it is relative to the manifest\'s URL.' : '',
    });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, text: new TextDecoder().decode(bytes) };
}
