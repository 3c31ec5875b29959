/** The Business value cell in the report: inputs, settings, calibration notes, warnings and the table. */
import { valueRows, valueSettingsNote } from '../../notebook/kinds/value';
import { html, userText } from '../escape';
import { formatCount } from '../format';
import { warningList } from './model';
import { withResult } from './types';
import { valueTable } from './value-table';

export const valueCellSection = withResult<'value'>((result) => {
  const { columns } = result;
  return html`<p class="meta">${result.reference ? html`reference <strong>${userText(result.reference.name)}</strong> (${formatCount(result.reference.rows)} rows, CBPE) · ` : ''}data <strong>${userText(result.data.name)}</strong> (${formatCount(result.data.rows)} rows, ${formatCount(result.data.labelled)} labelled) · target <code>${userText(columns.target)}</code> · positive label “${userText(result.posLabel)}”${
    columns.unit ? html` · values per unit of <code>${userText(columns.unit)}</code>` : ''
  }${columns.segment ? html` · segments by <code>${userText(columns.segment)}</code>` : ''}</p>
<p class="meta">${valueSettingsNote({ matrix: result.matrix, costPerPrediction: result.costPerPrediction, unit: columns.unit })}</p>
${result.models.map((m) => (m.calibration ? html`<p class="meta">${userText(m.name)}: ${m.calibration}</p>` : ''))}
${warningList(result.warnings)}
${valueTable(valueRows(result), 'value-table')}`;
});
