import { distributionChart, sparkline } from '../../charts/distribution-chart';
import type { DriftResult } from '../../drift/types';
import { chartCards } from '../chart-cards';
import { chartMarkup } from '../chart-markup';
import { columnTable } from '../column-table';
import { html, raw, type SafeHtml } from '../escape';
import { headline, notices } from '../drift-summary';
import { withResult, type SectionContext } from './types';

const CHART_SIZE = { width: 520, height: 220 };

/**
 * A drift result: verdict, warnings, the sortable column table and one card per column. Each
 * chart is drawn as percent and as counts; the report's toggle shows one (no script: percent).
 */
export function driftSection(result: DriftResult, { document, idPrefix }: SectionContext): SafeHtml {
  const chart = (mode: 'percent' | 'count') =>
    result.columns.map((col) =>
      col.distribution ? chartMarkup(distributionChart(col.distribution, { document, ...CHART_SIZE, label: col.name, mode })) : undefined,
    );
  const [percent, count] = [chart('percent'), chart('count')];
  const both = percent.map((p, i) => (p ? html`<div class="mode-percent">${p}</div><div class="mode-count">${count[i] ?? raw('')}</div>` : undefined));
  const sparks = result.columns.map((col) => (col.distribution ? chartMarkup(sparkline(col.distribution, { document })) : undefined));
  const charted = both.filter((c) => c !== undefined).length;
  return html`${headline(result)}
${notices(result)}
<h3>Columns<span class="count">${result.columns.length}</span></h3>
<div class="table-tools"><input type="search" class="table-filter" placeholder="Filter columns…" aria-label="Filter columns"></div>
<div class="sortable">${columnTable(result.columns, sparks, `${idPrefix}col-`)}</div>
${charted > 0 ? html`<details class="column-details" open><summary>Distributions<span class="count">${charted}</span></summary>${chartCards(result.columns, both, `${idPrefix}col-`)}</details>` : ''}`;
}

export const driftCellSection = withResult<'drift'>((result, _cell, context) => driftSection(result, context));
