import type { ColumnQuality, ColumnStats, DatasetStats, QualityResult } from '../../quality/types';
import { html, userText, type SafeHtml } from '../escape';
import { formatCount, formatScore, formatShare } from '../format';
import { withResult } from './types';

const pct = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : formatShare(share));
const num = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : formatScore(x));
// null: not known from a profile-only side (it needs the rows).
const count = (n: number | null): string => (n === null ? '—' : formatCount(n));

function flag(on: boolean | undefined, text: string): SafeHtml {
  return on ? html`<span class="flagged">${text}</span>` : html`${text}`;
}

function side(stats: ColumnStats | undefined): SafeHtml {
  if (!stats) return html`—`;
  if (stats.kind === 'numeric') return html`mean ${num(stats.mean)} · median ${num(stats.median)} · [${num(stats.min)}, ${num(stats.max)}]`;
  return html`${count(stats.categories)} categories · top “${stats.top === null ? '—' : userText(stats.top)}”`;
}

function row(column: ColumnQuality): SafeHtml {
  const { reference: ref, current: cur } = column;
  const newShare = cur?.kind === 'categorical' ? cur.newCategoryShare : undefined;
  const outOfRange = cur?.kind === 'numeric' ? cur.outOfRangeShare : undefined;
  const zeros = (s?: ColumnStats) => (s?.kind === 'numeric' ? pct(s.zerosShare) : '—');
  return html`<tr><td class="col-name">${userText(column.name)}</td><td><span class="type">${column.type}</span></td>
<td class="num">${formatCount(ref.count)}<span class="arrow">→</span>${cur ? formatCount(cur.count) : '—'}</td>
<td class="num">${flag(ref.highMissing, pct(ref.missingShare))}<span class="arrow">→</span>${cur ? flag(cur.highMissing, pct(cur.missingShare)) : '—'}</td>
<td class="num">${flag(ref.hasNonFinite, formatCount(ref.nonFinite))}<span class="arrow">→</span>${cur ? flag(cur.hasNonFinite, formatCount(cur.nonFinite)) : '—'}</td>
<td class="num">${count(ref.distinct)}<span class="arrow">→</span>${cur ? count(cur.distinct) : '—'}</td>
<td class="num">${flag(ref.kind === 'numeric' && ref.highZeros, zeros(ref))}<span class="arrow">→</span>${flag(cur?.kind === 'numeric' && cur.highZeros, zeros(cur))}</td>
<td>${side(ref)}</td><td>${side(cur)}</td>
<td class="num">${newShare !== undefined ? flag(newShare > 0, pct(newShare)) : outOfRange !== undefined ? flag((outOfRange ?? 0) > 0, `${pct(outOfRange)} out of range`) : '—'}</td></tr>
`;
}

function datasetLine(label: string, stats: DatasetStats | undefined): SafeHtml {
  if (!stats) return html``;
  const list = (names: string[]) => (names.length ? names.map((n, i) => html`${i ? ', ' : ''}${userText(n)}`) : 'none');
  return html`<p class="meta"><strong>${label}</strong>: ${formatCount(stats.rows)} rows · ${formatCount(stats.columns)} columns · ${count(stats.duplicatedRows)} duplicated rows · constant: ${list(stats.constantColumns)} · almost constant (≥ 95% one value): ${list(stats.almostConstantColumns)} · all missing: ${list(stats.allMissingColumns)}</p>`;
}

/** Data quality side by side, highlighted as Facets Overview does. */
export function qualitySection(result: QualityResult): SafeHtml {
  return html`${datasetLine('Reference', result.dataset.reference)}${datasetLine('Current', result.dataset.current)}
<div class="table-tools"><input type="search" class="table-filter" placeholder="Filter columns…" aria-label="Filter columns"></div>
<div class="table-wrap sortable"><table>
<thead><tr><th>Column</th><th>Type</th><th class="num">Count ref → cur</th><th class="num">Missing</th><th class="num">Non-finite</th><th class="num">Distinct</th><th class="num">Zeros</th><th>Reference</th><th>Current</th><th class="num">New in current</th></tr></thead>
<tbody>
${result.columns.map(row)}</tbody></table></div>
${result.warnings.length ? html`<section class="notice"><h3>Warnings</h3><ul>${result.warnings.map((w) => html`<li>${userText(w)}</li>`)}</ul></section>` : ''}
<p class="meta">Highlighted as Facets does: missing over 2%, zeros over 10%, any non-finite value, values new in current.</p>`;
}

export const qualityCellSection = withResult<'quality'>((result) => qualitySection(result));
