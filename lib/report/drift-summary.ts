import type { DriftResult } from '../drift/types';
import { driftNotes } from '../notebook/view/drift-notes';
import { datasetBadge } from './badges';
import { html, userText, type SafeHtml } from './escape';
import { formatCount, formatShare } from './format';

/** What a drift cell's report section says before its table: the drifted-column count and the dataset verdict. */
export function headline(result: DriftResult): SafeHtml {
  const { columns, driftedColumns, share, threshold, drifted } = result.dataset;
  const text =
    columns === 0
      ? html`No columns could be tested`
      : html`Drift detected in <strong>${formatCount(driftedColumns)}</strong> of <strong>${formatCount(columns)}</strong> ${columns === 1 ? 'column' : 'columns'}`;
  const notes = driftNotes(result);
  const decided = notes.decidedBy === 'features' ? 'the features’ share' : 'the share of all tested columns';
  const features = notes.featureShare
    ? html` Features only (no target, prediction or score role set by you): ${formatCount(notes.featureShare.drifted)} of ${formatCount(notes.featureShare.columns)} (${notes.featureShare.text}).`
    : '';
  const roles = notes.roles.length
    ? html`<p class="meta">Roles: ${notes.roles.map(
        (r, i) => html`${i ? ', ' : ''}${userText(r.name)} = ${r.role} (${r.source === 'user' ? 'set by you' : 'guessed: changes no result'})`,
      )}</p>`
    : '';
  return html`<p class="headline"><span>${text}</span>${datasetBadge(drifted)}</p>
<p class="verdict-note">${formatShare(share)} of tested columns drifted.${features} The dataset counts as drifted when ${decided} is ${formatShare(threshold)} or more.</p>${roles}`;
}

/** Warnings and schema differences: things a reader must know before trusting the table. */
export function notices(result: DriftResult): SafeHtml {
  const warnings = [
    ...result.warnings.map((w) => html`<li>${userText(w)}</li>`),
    ...result.columns.flatMap((col) => (col.warnings ?? []).map((w) => html`<li><code>${userText(col.name)}</code>: ${userText(w)}</li>`)),
  ];
  const onlyIn = (label: string, names: string[]) =>
    names.length === 0
      ? ''
      : html`<div class="only-in"><span>${label}</span><ul class="list-inline">${names.map((n) => html`<li>${userText(n)}</li>`)}</ul></div>`;
  const schema = result.onlyInReference.length + result.onlyInCurrent.length > 0;
  return html`${fromProfiles(result)}${warnings.length > 0 ? html`<section class="notice"><h3>Warnings</h3><ul>${warnings}</ul></section>` : ''}
${schema ? html`<section class="notice"><h3>Columns not compared</h3>${onlyIn('Only in reference', result.onlyInReference)}${onlyIn('Only in current', result.onlyInCurrent)}</section>` : ''}`;
}

/**
 * A run from column profiles (.dbprofile): which sides were profiles, and how many deciding tests are exact,
 * approximate or need the rows (each inexact one is named with its bound in the column warnings).
 */
function fromProfiles(result: DriftResult): SafeHtml | '' {
  const sides = result.fromProfile;
  if (!sides) return '';
  const given = [sides.reference ? 'reference' : '', sides.current ? 'current' : ''].filter(Boolean);
  const named = given.length ? ` (${given.join(' and ')}: .dbprofile; a side with rows was profiled on the same edges)` : '';
  const tally = { exact: 0, approximate: 0, unavailable: 0 };
  for (const col of result.columns) {
    const accuracy = col.method ? col.tests?.[col.method]?.fromProfile : undefined;
    if (col.tested && accuracy) tally[accuracy]++;
  }
  const inexact = tally.approximate + tally.unavailable;
  const counts = `Deciding tests: ${formatCount(tally.exact)} exact (equal to the raw-row result), ${formatCount(tally.approximate)} approximate, ${formatCount(tally.unavailable)} needing the rows${inexact ? ' — each named with its bound or reason in the warnings' : ''}.`;
  return html`<section class="notice"><h3>Computed from profiles</h3><p>Each test was computed from column profiles${named}. ${counts}</p></section>`;
}
