import { variantRateChart, variantWindowChart } from '../../charts/abtest-charts';
import type { AbTestCellResult } from '../../notebook/kinds/abtest';
import { comparisonsTable, peekingNote, planningLine, srmLine, variantsTable, windowsTable } from '../../notebook/view/abtest-rows';
import { html, userText, type SafeHtml } from '../escape';
import { figure, warningList } from './model';
import { withResult } from './types';
import { viewTable } from './view-table';

function columnsLine(result: AbTestCellResult): SafeHtml {
  return html`<p class="meta">control <strong>${userText(result.control)}</strong>${result.binary ? html` · binary outcome <code>${userText(result.binary)}</code>` : ''}${
    result.numeric ? html` · numeric outcome <code>${userText(result.numeric)}</code>` : ''
  } · ${result.finished ? 'finished (final analysis)' : html`running · looked at ${result.looks} time${result.looks === 1 ? '' : 's'}`}</p>`;
}

export function abtestSection(result: AbTestCellResult, { document }: { document: Document }): SafeHtml {
  const srm = srmLine(result);
  const peeking = peekingNote(result);
  const windows = windowsTable(result);
  return html`${columnsLine(result)}
<p class="meta${srm.mismatch ? ' flagged' : ''}" data-testid="abtest-srm" data-mismatch="${srm.mismatch ? 'true' : 'false'}">${userText(srm.text)}</p>
${peeking ? html`<section class="notice" data-testid="abtest-peeking"><h3>Peeking</h3><p>${peeking}</p></section>` : ''}
${warningList(result.warnings)}
${viewTable(variantsTable(result))}
${result.binary ? html`<div class="cards">${figure('Rate per variant (Wilson 95%)', variantRateChart(result, { document }))}</div>` : ''}
${viewTable(comparisonsTable(result))}
<p class="meta" data-testid="abtest-planning">${planningLine(result)}</p>
${windows ? html`<h3>Over time</h3>${figure('Rate per variant per window', variantWindowChart(result, { document }))}${viewTable(windows)}` : ''}`;
}

export const abtestCellSection = withResult<'abtest'>((result, _cell, context) => abtestSection(result, context));
