import type { MetricsLiveQuery } from '../../../lib/notebook/kinds/metrics';
import { DataError } from '../../../lib/errors';

/** The one origin this build may query (DRIFTBOOK_PROMETHEUS_URL at `npm run build`, in the page's CSP); '' when off. */
export const PROMETHEUS_ORIGIN: string = process.env.DRIFTBOOK_PROMETHEUS_URL ?? '';

/**
 * GET /api/v1/query_range on the build's Prometheus from the page (so the page's CSP connect-src
 * governs it), reading the body in chunks for progress; `signal` cancels. The bytes are parsed in
 * the worker, as a dropped file is.
 */
export async function fetchQueryRange(query: MetricsLiveQuery, onBytes: (received: number) => void, signal: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const url = new URL('/api/v1/query_range', PROMETHEUS_ORIGIN);
  url.search = new URLSearchParams({
    query: query.query,
    start: String(Date.parse(query.start) / 1000),
    end: String(Date.parse(query.end) / 1000),
    step: String(query.step),
  }).toString();
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (error) {
    if (signal.aborted) throw new DataError('aborted', 'query cancelled');
    throw new DataError(
      'prometheus-unreachable',
      `cannot reach Prometheus at ${PROMETHEUS_ORIGIN}: ${(error as Error).message} — is it running, and does it allow this page's origin (--web.cors.origin)?`,
    );
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    if (!reader) break;
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onBytes(received);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  // Prometheus answers errors (bad PromQL: 400, timeouts: 503) with JSON the reader turns into a clear message.
  if (!response.ok && !(response.headers.get('content-type') ?? '').includes('json'))
    throw new DataError('prometheus-http', `Prometheus at ${PROMETHEUS_ORIGIN} answered HTTP ${response.status} — check the query and the server`);
  return bytes;
}
