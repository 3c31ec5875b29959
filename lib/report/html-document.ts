import { html, type SafeHtml } from './escape';

export interface HtmlDocumentParts {
  /** The Content-Security-Policy, written first in head so it governs everything after it. */
  csp: string;
  /** Driftbook's version, for the generator meta. */
  appVersion: string;
  /** Plain text (escaped here). */
  title: string;
  /** Trusted CSS (our own stylesheets). */
  css: string;
  body: SafeHtml;
  /** Trusted inline script, allowed by a hash in `csp`; none for documents that run no script. */
  script?: string;
}

/**
 * The shell every self-contained export shares (workspace report, model card, experiment report):
 * CSP first, then charset, no referrer, viewport, generator, title, inline style, body and an
 * optional inline script — so a rule about the document head is kept in one place.
 */
export function htmlDocument({ csp, appVersion, title, css, body, script }: HtmlDocumentParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="driftbook ${appVersion}">
<title>${html`${title}`.__html}</title>
<style>${css}</style>
</head>
<body>
${body.__html}
${script === undefined ? '' : `<script>${script}</script>\n`}</body>
</html>
`;
}
