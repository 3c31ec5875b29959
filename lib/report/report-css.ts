/** The report's only stylesheet, inlined: the CSP forbids fetching anything. */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --surface: #fff; --text: #1b1f27; --muted: #5d6573; --faint: #8a93a3;
  --border: #e2e5ea; --row: #fafbfc; --chip: #eef0f4;
  --bad: #b42318; --bad-bg: #fdeceb; --bad-border: #f5c2bd;
  --good: #17773a; --good-bg: #e6f4ea; --good-border: #b9e0c5;
  --idle: #5d6573; --idle-bg: #eef0f4; --idle-border: #dde1e7;
  --warn: #8a5a00; --warn-bg: #fff7e0; --warn-border: #f1dca4;
  --ref: #4c78a8; --cur: #f58518;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1217; --surface: #171b22; --text: #e5e8ed; --muted: #a0a8b6; --faint: #737c8c;
    --border: #2a303b; --row: #1b2028; --chip: #242a34;
    --bad: #ff8f84; --bad-bg: #3a1b1a; --bad-border: #6b2b27;
    --good: #74d69a; --good-bg: #14301f; --good-border: #235236;
    --idle: #a0a8b6; --idle-bg: #242a34; --idle-border: #343b47;
    --warn: #f3c969; --warn-bg: #2f2612; --warn-border: #5a4716;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body {
  margin: 0 auto; max-width: 1180px; padding: 40px 28px 56px;
  font: 14px/1.5 var(--sans); color: var(--text); background: var(--bg);
  -webkit-font-smoothing: antialiased; font-variant-numeric: tabular-nums;
}
h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 10px; letter-spacing: -0.01em; font-weight: 650; }
h2 { font-size: 17px; margin: 40px 0 12px; font-weight: 600; }
h2 .count { color: var(--faint); font-weight: 500; margin-left: 6px; }
code, .mono { font-family: var(--mono); font-size: 0.92em; }
a { color: inherit; }
.eyebrow { font-size: 12px; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
.headline { display: flex; align-items: center; flex-wrap: wrap; gap: 12px; font-size: 18px; margin: 0; }
.headline strong { font-weight: 650; }
.verdict-note { color: var(--muted); margin: 6px 0 0; }
.badge {
  display: inline-flex; align-items: center; gap: 6px; white-space: nowrap;
  border: 1px solid; border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 600; line-height: 20px;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.badge::before { content: ""; width: 7px; height: 7px; border-radius: 50%; background: currentColor; }
.badge.bad { color: var(--bad); background: var(--bad-bg); border-color: var(--bad-border); }
.badge.good { color: var(--good); background: var(--good-bg); border-color: var(--good-border); }
.badge.idle { color: var(--idle); background: var(--idle-bg); border-color: var(--idle-border); }
.badge.lg { font-size: 13px; padding: 3px 12px; }
.manifest { display: grid; grid-template-columns: 1fr 1fr minmax(220px, 0.8fr); gap: 16px; margin-top: 28px; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 16px 18px; }
.card h3 { margin: 0 0 10px; font-size: 12px; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); display: flex; align-items: center; gap: 8px; }
.swatch { width: 10px; height: 10px; border-radius: 2px; display: inline-block; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.swatch.ref { background: var(--ref); } .swatch.cur { background: var(--cur); }
.dataset-name { font-size: 15px; font-weight: 600; word-break: break-word; margin-bottom: 8px; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 14px; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; min-width: 0; }
.sha { font-family: var(--mono); font-size: 11.5px; word-break: break-all; color: var(--muted); line-height: 1.45; }
.notice { border: 1px solid var(--warn-border); background: var(--warn-bg); color: var(--text); border-radius: 10px; padding: 12px 18px; margin-top: 16px; }
.notice h3 { margin: 0 0 6px; font-size: 13px; color: var(--warn); }
.notice ul { margin: 0; padding-left: 18px; }
.table-wrap { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 9px 14px; border-bottom: 1px solid var(--border); vertical-align: middle; }
th { font-size: 12px; font-weight: 600; color: var(--muted); background: var(--row); white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover td { background: var(--row); }
td.num, th.num { text-align: right; white-space: nowrap; }
td.col-name { font-weight: 600; max-width: 260px; word-break: break-word; }
td.col-name a { text-decoration: none; }
td.col-name a:hover { text-decoration: underline; }
.type { display: inline-block; font-size: 11.5px; color: var(--muted); background: var(--chip); border-radius: 4px; padding: 0 6px; }
.method-id { display: block; font-family: var(--mono); font-size: 11px; color: var(--faint); }
.arrow { color: var(--faint); padding: 0 4px; }
td.spark { width: 132px; padding-top: 4px; padding-bottom: 4px; }
td.spark svg { display: block; width: 120px; height: 28px; }
td.untested { color: var(--muted); font-style: italic; }
tr.is-drifted td.col-name { box-shadow: inset 3px 0 0 var(--bad); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 16px; }
.chart-card { break-inside: avoid; scroll-margin-top: 16px; }
.chart-card:target { outline: 2px solid var(--ref); outline-offset: 2px; }
.chart-card header { display: flex; align-items: flex-start; justify-content: space-between; gap: 12px; margin-bottom: 2px; }
.chart-card h4 { margin: 0; font-size: 15px; font-weight: 600; word-break: break-word; }
.chart-card .meta { color: var(--muted); font-size: 12.5px; margin: 2px 0 6px; }
.chart svg { display: block; width: 100%; height: auto; color: var(--muted); }
.chart svg text { white-space: pre; }
.tests { margin: 8px 0 0; padding: 8px 0 0; border-top: 1px dashed var(--border); font-size: 12.5px; color: var(--muted); list-style: none; }
.warn-list { margin: 8px 0 0; padding-left: 18px; font-size: 12.5px; color: var(--warn); }
.only-in { display: flex; align-items: baseline; gap: 10px; margin-top: 4px; }
.only-in > span { color: var(--muted); white-space: nowrap; min-width: 130px; }
td.method { white-space: nowrap; }
.list-inline { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 6px; }
.list-inline li { background: var(--chip); border-radius: 4px; padding: 1px 8px; font-family: var(--mono); font-size: 12px; }
footer { margin-top: 48px; padding-top: 16px; border-top: 1px solid var(--border); color: var(--faint); font-size: 12.5px; }
@media (max-width: 860px) { .manifest { grid-template-columns: 1fr; } .cards { grid-template-columns: 1fr; } }
@media print {
  :root { --bg: #fff; --surface: #fff; --row: #fff; }
  body { padding: 0; max-width: none; font-size: 11px; }
  h2 { margin-top: 24px; break-after: avoid; }
  .card, .table-wrap { border-color: #ccc; }
  .cards { grid-template-columns: 1fr 1fr; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:hover td { background: none; }
  a { text-decoration: none; }
}
`;

/** Extra CSS of the notebook report (on top of the drift report's). */
export const WORKSPACE_REPORT_CSS = `
.mode-count { display: none; }
h3 .count, summary .count { color: var(--faint); font-weight: 500; margin-left: 6px; }
td.col-name { min-width: 12ch; word-break: normal; overflow-wrap: anywhere; }
.swatch { margin-right: 4px; }
body.show-counts .mode-count { display: block; }
body.show-counts .mode-percent { display: none; }
.report-cell { margin: 32px 0; padding-top: 8px; border-top: 1px solid var(--border); }
.report-cell > h2 .kind { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 700; }
.table-tools { display: flex; gap: 12px; margin: 8px 0; }
.table-filter { font: inherit; padding: 5px 9px; border: 1px solid var(--border); border-radius: 7px; background: var(--surface); color: var(--text); min-width: 220px; }
.sort-head { cursor: pointer; }
.sort-head[aria-sort="ascending"]::after { content: " ▲"; font-size: 10px; }
.sort-head[aria-sort="descending"]::after { content: " ▼"; font-size: 10px; }
.markdown { max-width: 760px; }
/* Names can be 500 characters without a space: they wrap anywhere. <bdi> isolates user text even where a mail client's stylesheet lacks the rule. */
bdi { unicode-bidi: isolate; }
h1, h2, h3, h4, .meta, li, .markdown { overflow-wrap: anywhere; }
.markdown pre { background: var(--chip); padding: 10px; border-radius: 8px; overflow-x: auto; }
.flagged { color: var(--bad); font-weight: 600; }
.mode-toggle { font: inherit; border: 1px solid var(--border); background: var(--surface); color: var(--text); border-radius: 7px; padding: 4px 10px; cursor: pointer; }
details.column-details > summary { cursor: pointer; font-weight: 600; margin: 12px 0; }
details.config { margin-top: 10px; }
details.config pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.45 var(--mono); background: var(--chip); padding: 8px 10px; border-radius: 8px; }
.chart-figure svg { max-width: 100%; height: auto; }
@media print { .table-tools, .mode-toggle { display: none !important; } details { display: block; } .report-cell { break-inside: avoid-page; } }
`;
