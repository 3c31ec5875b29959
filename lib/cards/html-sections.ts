/**
 * The card's text sections as HTML: model details, parameters (with the datasets), considerations,
 * the Hugging Face template's extra sections and the sign-off block. Numbers are in html-numbers.ts.
 */
import { html, userText, type SafeHtml } from '../report/escape';
import { formatCount } from '../report/format';
import { EMPTY, fields, lines, linkText, markdown, markdownList, plain } from './html-text';
import type { CardDataset, CardKeyValue, ModelCard } from './types';

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>
${body}
</section>`;
}

const joinPlain = (items: readonly string[]): SafeHtml => {
  const filled = items.filter((s) => s.trim() !== '');
  return filled.length ? html`${filled.map((s, i) => html`${i ? ', ' : ''}${userText(s)}`)}` : EMPTY;
};

export function detailsSection(card: ModelCard): SafeHtml {
  const d = card.modelDetails;
  const hf = card.huggingFace;
  const owners = d.owners.length
    ? html`<ul class="plain-list">${d.owners.map((o) => html`<li>${plain(o.name)}${o.contact.trim() ? html` · ${linkText(o.contact)}` : ''}</li>`)}</ul>`
    : EMPTY;
  const licenses = d.licenses.length
    ? html`<ul class="plain-list">${d.licenses.map((l) => html`<li><code>${plain(l.identifier)}</code>${l.customText.trim() ? html` · ${lines(l.customText)}` : ''}</li>`)}</ul>`
    : EMPTY;
  const references = d.references.some((r) => r.trim())
    ? html`<ul class="plain-list">${d.references.filter((r) => r.trim()).map((r) => html`<li>${linkText(r)}</li>`)}</ul>`
    : EMPTY;
  const citations = d.citations.length
    ? html`<ul class="plain-list">${d.citations.map((c) => html`<li>${c.style.trim() ? html`<span class="muted">${userText(c.style)}:</span> ` : ''}${lines(c.citation)}</li>`)}</ul>`
    : EMPTY;
  return section(
    'details',
    'Model details',
    html`${markdown(d.overview)}
${fields([
  ['Version', html`${plain(d.version.name)}${d.version.date.trim() ? html` · ${plain(d.version.date)}` : ''}`],
  ['Changes in this version', markdown(d.version.diff)],
  ['Developed by', plain(hf.developedBy)],
  ['Model type', plain(hf.modelType)],
  ['Task', plain(hf.taskType)],
  ['Language', plain(hf.language)],
  ['Tags', joinPlain(hf.tags)],
  ['Owners', owners],
  ['Licenses', licenses],
  ['Documentation', markdown(d.documentation)],
  ['References', references],
  ['Citations', citations],
  ['Model path', linkText(d.path)],
])}`,
  );
}

function keyValueTable(rows: readonly CardKeyValue[]): SafeHtml {
  if (rows.length === 0) return html``;
  return html`<div class="table-wrap"><table class="card-table kv"><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td class="col-name">${plain(r.key)}</td><td>${plain(r.value)}</td></tr>\n`)}</tbody></table></div>`;
}

function datasetBlock(d: CardDataset): SafeHtml {
  return html`<article class="dataset keep"><h4>${plain(d.name)}${d.side ? html` <span class="chip">${d.side}</span>` : ''}</h4>
${fields([
  ['Rows', d.rows === undefined ? EMPTY : html`${formatCount(d.rows)}`],
  ['SHA-256', d.sha256 ? html`<span class="sha">${userText(d.sha256)}</span>` : EMPTY],
  ['Link', linkText(d.link)],
  ['Sensitive columns', joinPlain(d.sensitive)],
  ['Description', markdown(d.description)],
])}
</article>`;
}

export function parametersSection(card: ModelCard): SafeHtml {
  const p = card.modelParameters;
  return section(
    'parameters',
    'Model parameters',
    html`${fields([
      ['Architecture', markdown(p.architecture)],
      ['Input format', markdown(p.inputFormat)],
    ])}${keyValueTable(p.inputFormatMap)}
${fields([['Output format', markdown(p.outputFormat)]])}${keyValueTable(p.outputFormatMap)}
<h3>Datasets</h3>
${p.data.length ? html`<div class="datasets">${p.data.map(datasetBlock)}</div>` : html`<p class="meta">No dataset described.</p>`}`,
  );
}

export function considerationsSection(card: ModelCard): SafeHtml {
  const c = card.considerations;
  const risks = c.ethicalConsiderations.length
    ? html`<div class="table-wrap"><table class="card-table" data-testid="card-risks"><thead><tr><th>Risk</th><th>Mitigation strategy</th></tr></thead><tbody>
${c.ethicalConsiderations.map((r) => html`<tr><td class="col-name">${plain(r.name)}</td><td>${markdown(r.mitigationStrategy)}</td></tr>\n`)}</tbody></table></div>`
    : EMPTY;
  return section(
    'considerations',
    'Considerations',
    fields([
      ['Intended users', markdownList(c.users)],
      ['Use cases', markdownList(c.useCases)],
      ['Limitations', markdownList(c.limitations)],
      ['Tradeoffs', markdownList(c.tradeoffs)],
      ['Ethical considerations', risks],
    ]),
  );
}

/** The Hugging Face template's sections MCT lacks, in the template's order. */
export function huggingFaceSections(card: ModelCard): SafeHtml {
  const hf = card.huggingFace;
  const e = hf.environmentalImpact;
  return html`${section('getting-started', 'How to get started with the model', markdown(hf.gettingStarted))}
${section(
  'training',
  'Training details',
  fields([
    ['Training data', markdown(hf.trainingData)],
    ['Training procedure', markdown(hf.trainingProcedure)],
  ]),
)}
${section(
  'evaluation',
  'Evaluation',
  fields([
    ['Testing data', markdown(hf.testingData)],
    ['Factors', markdown(hf.factors)],
    ['Metrics', markdown(hf.evaluationMetrics)],
    ['Results', markdown(hf.results)],
  ]),
)}
${section(
  'environment',
  'Environmental impact',
  fields([
    ['Hardware type', plain(e.hardwareType)],
    ['Hours used', plain(e.hoursUsed)],
    ['Cloud provider', plain(e.cloudProvider)],
    ['Compute region', plain(e.computeRegion)],
    ['Carbon emitted', plain(e.carbonEmitted)],
  ]),
)}
${section('contact', 'Model card contact', markdown(hf.contact))}`;
}

/** Reviewer, date and notes, with lines to sign on paper where they are still empty. */
export function signOffSection(card: ModelCard): SafeHtml {
  const s = card.signOff;
  const line = (value: string) =>
    value.trim() ? html`<span class="signed">${userText(value)}</span>` : html`<span class="sign-line" aria-label="to fill in"></span>`;
  return html`<section id="sign-off" class="sign-off keep" aria-labelledby="sign-off-title"><h2 id="sign-off-title">Sign-off</h2>
<div class="sign-grid">
<div class="sign-field"><span class="sign-label">Reviewer</span>${line(s.reviewer)}</div>
<div class="sign-field"><span class="sign-label">Date</span>${line(s.date)}</div>
<div class="sign-field wide"><span class="sign-label">Signature</span><span class="sign-line" aria-label="to sign"></span></div>
</div>
${s.notes.trim() ? html`<div class="sign-notes"><span class="sign-label">Notes</span>${markdown(s.notes)}</div>` : ''}
</section>`;
}
