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
