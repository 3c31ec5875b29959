/**
 * The report's only script, inlined and allowed by its hash in the CSP: sort a table by a header,
 * filter table rows, switch charts between percent and counts. It reads and reorders the
 * document's own nodes; it builds no markup from text and loads nothing.
 */
export const REPORT_SCRIPT = `(function () {
  var cellText = function (row, i) { var c = row.children[i]; return c ? (c.getAttribute('data-sort') || c.textContent || '').trim() : ''; };
  var asNumber = function (t) { var n = parseFloat(t.replace(/[,%\\u2009 ]/g, '')); return isNaN(n) ? null : n; };
  document.querySelectorAll('.sortable table').forEach(function (table) {
    table.querySelectorAll('thead th').forEach(function (th, i) {
      th.tabIndex = 0; th.classList.add('sort-head'); th.setAttribute('aria-sort', 'none');
      var sort = function () {
        var body = table.tBodies[0]; if (!body) return;
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        table.querySelectorAll('thead th').forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellText(a, i), y = cellText(b, i), nx = asNumber(x), ny = asNumber(y);
          return dir * (nx !== null && ny !== null ? nx - ny : x.localeCompare(y));
        });
        rows.forEach(function (r) { body.appendChild(r); });
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  });
  document.querySelectorAll('.table-filter').forEach(function (input) {
    var section = input.closest('section');
    input.addEventListener('input', function () {
      var q = input.value.toLowerCase();
      section.querySelectorAll('.sortable tbody tr').forEach(function (r) { r.hidden = q !== '' && (r.textContent || '').toLowerCase().indexOf(q) < 0; });
    });
  });
  document.querySelectorAll('.mode-toggle').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var counts = document.body.classList.toggle('show-counts');
      document.querySelectorAll('.mode-toggle').forEach(function (b) { b.textContent = counts ? 'Show percent' : 'Show counts'; b.setAttribute('aria-pressed', String(counts)); });
    });
  });
})();`;

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
.markdown pre { background: var(--chip); padding: 10px; border-radius: 8px; overflow-x: auto; }
.flagged { color: var(--bad); font-weight: 600; }
.mode-toggle { font: inherit; border: 1px solid var(--border); background: var(--surface); color: var(--text); border-radius: 7px; padding: 4px 10px; cursor: pointer; }
details.column-details > summary { cursor: pointer; font-weight: 600; margin: 12px 0; }
details.config { margin-top: 10px; }
details.config pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.45 var(--mono); background: var(--chip); padding: 8px 10px; border-radius: 8px; }
.chart-figure svg { max-width: 100%; height: auto; }
@media print { .table-tools, .mode-toggle { display: none !important; } details { display: block; } .report-cell { break-inside: avoid-page; } }
`;
