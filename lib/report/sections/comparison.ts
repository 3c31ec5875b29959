import { blockMetricChart, disagreementChart, leadMetric, modelMetricChart, pairDeltaChart } from '../../charts/comparison-charts';
import type { ComparisonCellResult } from '../../notebook/kinds/comparison';
import {
  comparisonNote,
  deltasTable,
  friedmanNote,
  friedmanTable,
  modelsTable,
  pairName,
  pairsTable,
  segmentsTable,
} from '../../notebook/view/comparison-rows';
import { html, userText, type SafeHtml } from '../escape';
import { figure, warningList } from './model';
import { withResult } from './types';
import { viewTable } from './view-table';

/** Disagreement heatmaps for at most this many pairs (every pair is in the tables). */
const MAX_HEATMAPS = 3;

function columnsLine(result: ComparisonCellResult): SafeHtml {
  const c = result.columns;
  const list = (names: readonly string[]) => names.map((n, i) => html`${i ? ', ' : ''}<code>${userText(n)}</code>`);
  return html`<p class="meta">target <code>${userText(c.target)}</code>${c.models.length ? html` · models ${list(c.models)}` : ''}${
    c.scores.length ? html` · scores ${list(c.scores)}` : ''
  }${c.prediction ? html` · prediction <code>${userText(c.prediction)}</code>` : ''}${c.modelColumn ? html` · served by <code>${userText(c.modelColumn)}</code>` : ''}</p>`;
}

export function comparisonSection(result: ComparisonCellResult, { document }: { document: Document }): SafeHtml {
  const metric = leadMetric(result);
  const friedman = friedmanTable(result);
  const segments = segmentsTable(result);
  const heatmaps = result.pairs.filter((p) => p.disagreement?.labels.length).slice(0, MAX_HEATMAPS);
  return html`<p class="meta">${comparisonNote(result)}</p>
${columnsLine(result)}
<p class="verdict" data-testid="comparison-verdict"><strong>Verdict:</strong> ${userText(result.verdict)}</p>
${warningList(result.warnings)}
${viewTable(modelsTable(result))}
<div class="cards">${figure(html`${metric ?? 'metric'} per model`, modelMetricChart(result, { document }))}${figure(
    html`Δ ${metric ?? 'metric'} per pair (95% interval)`,
    pairDeltaChart(result, { document }),
  )}</div>
${viewTable(pairsTable(result))}
${viewTable(deltasTable(result))}
${heatmaps.length ? html`<div class="cards">${heatmaps.map((p) => figure(html`Disagreement: ${userText(pairName(p))}`, disagreementChart(p, { document })))}</div>` : ''}
${friedman ? html`<h3>Friedman test over blocks</h3><p class="meta">${friedmanNote(result)}</p>${viewTable(friedman)}${figure('Metric per block per model', blockMetricChart(result, { document }))}` : ''}
${segments ? html`<h3>By segment</h3>${viewTable(segments)}` : ''}`;
}

export const comparisonCellSection = withResult<'comparison'>((result, _cell, context) => comparisonSection(result, context));
