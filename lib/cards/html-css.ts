/**
 * The model card's CSS on top of the report's (lib/report/report-css.ts): a narrower reading
 * column, field lists, dataset blocks, the sign-off block, and print rules for A4 and Letter
 * (`size: auto` takes the printer's paper; margins fit both), with a running header and page numbers.
 */
import { cssString } from './html-text';

export const CARD_CSS = `
body { max-width: 940px; }
h1 { font-size: 30px; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-top: 10px; border-top: 1px solid var(--border); }
h3 { font-size: 14px; margin: 22px 0 8px; font-weight: 650; }
h4 { font-size: 14px; margin: 0 0 8px; }
bdi { unicode-bidi: isolate; }
h1, h2, h3, h4, dd, td, li, .meta, .markdown { overflow-wrap: anywhere; }
.muted, .empty { color: var(--muted); }
.meta { color: var(--muted); font-size: 12.5px; margin: 6px 0; }
.card-head .meta { font-size: 13px; }
.fields { display: block; margin: 0; }
.field { display: grid; grid-template-columns: 190px minmax(0, 1fr); gap: 16px; align-items: baseline; padding: 7px 0; border-bottom: 1px solid var(--border); break-inside: avoid; }
.field:last-child { border-bottom: 0; }
.field dt { font-weight: 600; color: var(--muted); font-size: 13px; }
.markdown { max-width: none; }
.markdown > :first-child { margin-top: 0; }
.markdown > :last-child { margin-bottom: 0; }
.markdown pre { background: var(--chip); padding: 10px; border-radius: 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.markdown code { background: var(--chip); border-radius: 4px; padding: 0 4px; }
.markdown table { width: auto; }
/* A heading inside a field stays the size of the text: typed text must not pass for one of the card's own sections (a fake "Sign-off"). */
.markdown :is(h1, h2, h3, h4, h5, h6) { font-size: 1em; font-weight: 700; margin: 0.6em 0 0.3em; border: 0; padding: 0; }
.md-list, .plain-list { margin: 0; padding-left: 18px; }
.md-list li + li, .plain-list li + li { margin-top: 4px; }
.link-url { font-family: var(--mono); font-size: 0.9em; color: var(--muted); overflow-wrap: anywhere; }
.lines { white-space: pre-wrap; }
.chip { display: inline-block; font-size: 11.5px; font-weight: 600; color: var(--muted); background: var(--chip); border-radius: 4px; padding: 0 6px; vertical-align: middle; }
.datasets { display: grid; grid-template-columns: repeat(auto-fill, minmax(400px, 1fr)); gap: 12px; }
.dataset { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 12px 16px; }
.dataset .field { grid-template-columns: 130px minmax(0, 1fr); }
.card-table td { vertical-align: top; }
.card-table td.num .meta { margin: 2px 0 0; font-size: 11.5px; white-space: normal; }
.group-table th { white-space: normal; }
.card-table td.col-name { min-width: 14ch; }
table.kv { table-layout: fixed; }
table.kv th:first-child { width: 35%; }
.card-table .interval { white-space: nowrap; }
.card-table code.type { font-size: 11px; color: var(--faint); }
td.source, .src, .typed { white-space: nowrap; color: var(--muted); font-size: 12px; }
.src { font-variant-numeric: tabular-nums; }
.block { margin-top: 8px; }
.table-wrap + .meta { margin-top: 6px; }
.fields + .table-wrap { margin: 4px 0 12px; }
.markdown + .fields { margin-top: 12px; }
.headline { font-size: 14px; gap: 10px; }
.card-charts { display: grid; gap: 12px; margin-top: 16px; }
.card-chart { margin: 0; background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 12px 16px; }
.card-chart figcaption { font-size: 12px; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); font-weight: 600; margin-bottom: 4px; }
.card-chart figcaption bdi { text-transform: none; letter-spacing: 0; color: var(--text); }
.card-chart svg { display: block; width: 100%; height: auto; max-width: 720px; color: var(--muted); }
.card-chart svg text { white-space: pre; }
.sources { margin: 0; padding-left: 24px; font-size: 12.5px; color: var(--muted); }
.sources li + li { margin-top: 3px; }
.sources code.sha { font-size: 11px; }
.sign-off { margin-top: 36px; }
.sign-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 22px 32px; margin-top: 16px; }
.sign-field { display: flex; align-items: flex-end; gap: 10px; min-height: 30px; }
.sign-field.wide { grid-column: 1 / -1; }
.sign-label { font-weight: 600; color: var(--muted); font-size: 13px; white-space: nowrap; }
.sign-line { flex: 1; border-bottom: 1px solid var(--text); min-height: 22px; }
.signed { flex: 1; min-width: 0; overflow-wrap: anywhere; border-bottom: 1px solid var(--border); padding-bottom: 2px; font-weight: 600; }
.sign-notes { margin-top: 16px; }
footer p { margin: 4px 0; }
@media (max-width: 720px) { .field { grid-template-columns: 1fr; gap: 2px; } .datasets { grid-template-columns: 1fr; } .sign-grid { grid-template-columns: 1fr; } }
@media print {
  :root { color-scheme: light; --bg: #fff; --surface: #fff; --row: #f4f5f7; --text: #111; --muted: #444; --faint: #666; --border: #c8ccd3; --chip: #eef0f4; }
  html, body { background: #fff; color: #111; }
  body { font-size: 10pt; line-height: 1.4; }
  h1 { font-size: 20pt; }
  h2 { font-size: 13pt; margin-top: 18pt; break-after: avoid; }
  h3, h4, figcaption { break-after: avoid; }
  .meta, .sources, td.source { font-size: 8.5pt; }
  th, td { padding: 4pt 7pt; }
  th { background: #f4f5f7; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .table-wrap { overflow: visible; border-radius: 0; }
  /* .closing: the footer stays with the sign-off block rather than alone on a last page. */
  tr, .field, .keep, .dataset, .card-chart, .sign-off { break-inside: avoid; }
  thead { display: table-header-group; }
  .datasets { grid-template-columns: 1fr 1fr; }
  .field { grid-template-columns: 38mm minmax(0, 1fr); padding: 4pt 0; }
  .dataset .field { grid-template-columns: 26mm minmax(0, 1fr); }
  .card-chart { padding: 6pt 8pt; }
  .card-chart svg { max-width: 160mm; }
  footer { margin-top: 18pt; }
}
`;

/**
 * The printed page's margins and running header/footer: the card's name at the top, the time it
 * was generated and "page n of m" at the bottom. User text enters CSS only through `cssString`.
 */
export function pageCss(title: string, generated: string): string {
  return `
@page {
  size: auto;
  margin: 16mm 15mm 18mm;
  @top-left { content: ${cssString(title)}; font: 8pt system-ui, sans-serif; color: #555; }
  @top-right { content: "Driftbook model card"; font: 8pt system-ui, sans-serif; color: #555; }
  @bottom-left { content: ${cssString(generated)}; font: 8pt system-ui, sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #555; }
}
`;
}
