'use strict';
// The opt-in build settings of the live Prometheus query (read by next.config.js at `npm run build`):
//   DRIFTBOOK_PROMETHEUS_URL=http://127.0.0.1:9090  one http(s) origin added to the page CSP's connect-src
//   DRIFTBOOK_OUT_DIR=out-prometheus                 where the static export goes (default out/)
// Both are checked before anything is built: a bad value stops the build with a message naming it.
// Plain CommonJS because next.config.js requires it untranspiled; tests/unit/scripts/prometheus-url.test.ts covers it.

const NAME = 'DRIFTBOOK_PROMETHEUS_URL';
const EXAMPLE = 'e.g. DRIFTBOOK_PROMETHEUS_URL=http://127.0.0.1:9090';

// A host a CSP source expression can hold verbatim: DNS labels, IPv4, or a bracketed IPv6 address. The URL parser
// accepts more (`;`, `,`, `'` are not forbidden host code points) and those would end or extend the directive.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/**
 * The origin a DRIFTBOOK_PROMETHEUS_URL value names (`http://127.0.0.1:9090`), '' when unset or blank (the
 * default: no live query, connect-src 'self' only). Throws an Error saying what is wrong and what to give.
 */
function prometheusOrigin(value) {
  if (value === undefined || value.trim() === '') return '';
  const text = value.trim();
  const shown = JSON.stringify(value);
  if (/\s/.test(text)) throw new Error(`${NAME}: ${shown} holds spaces — give exactly one http(s) origin, ${EXAMPLE}`);
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${NAME}: ${shown} is not a URL — give one http(s) origin, ${EXAMPLE}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${NAME}: ${shown} uses ${url.protocol} — only http: and https: origins are allowed, ${EXAMPLE}`);
  if (url.username || url.password) throw new Error(`${NAME}: ${shown} holds credentials — give the origin only (the page sends none)`);
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text))
    throw new Error(`${NAME}: ${shown} has a path, query or fragment — give the origin only (scheme, host, port), ${EXAMPLE}`);
  if (!HOST.test(url.hostname)) throw new Error(`${NAME}: ${shown} has the host ${JSON.stringify(url.hostname)} — give a host name or an IP address`);
  return url.origin;
}

/** The static export's folder: `out` by default; another name must start with `out-` (the ignore files cover `out*`). */
function outDir(value) {
  if (value === undefined || value.trim() === '' || value === 'out') return 'out';
  if (!/^out-[a-z0-9][a-z0-9-]*$/.test(value))
    throw new Error(`DRIFTBOOK_OUT_DIR: ${JSON.stringify(value)} — use out or a folder named out-<letters, digits, dashes> (e.g. out-prometheus)`);
  return value;
}

exports.prometheusOrigin = prometheusOrigin;
exports.outDir = outDir;
