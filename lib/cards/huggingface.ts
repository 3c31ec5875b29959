/**
 * Hugging Face model card (README.md): YAML front matter + the body of huggingface_hub's
 * templates/modelcard_template.md, and back.
 *
 * Front matter: first thing in the file (no BOM — the Hub's REGEX_YAML_BLOCK in repocard.py would
 * not find it), a mapping with license (`other` + license_name/license_link for anything else),
 * language, tags, pipeline_tag, metrics and model-index (hf-model-index.ts), written for a YAML 1.1
 * reader (hf-yaml.ts).
 *
 * Body: the template's `##` sections in its order, unfilled fields as `[More Information Needed]`.
 * Each field the person wrote sits between `<!-- driftbook:<field> -->` and `<!-- /driftbook:<field> -->`
 * (invisible on the Hub) so it reads back exactly; Markdown fields are escaped as blocks, names,
 * list items and table cells inline (markdown-escape.ts): no HTML can come alive, and unescaping
 * gives the bytes back. A README that is not ours is read by its template headings (hf-foreign.ts).
 */
import { readForeignBody } from './hf-foreign';
import { endMarker as end, joinList, MORE_INFO, startMarker as start } from './hf-markers';
import { fromModelIndex, taskTypeOf, toModelIndex } from './hf-model-index';
import { readOwnBody, scanMarked, splitReadme } from './hf-read';
import { toFrontMatterYaml } from './hf-yaml';
import { escapeMarkdownBlock, escapeMarkdownInline, fenceVerbatim, markdownTable, splitLines } from './markdown-escape';
import type { CardMetric, ModelCard } from './types';

export { splitReadme } from './hf-read';

/** Card metric ids and the Hub (huggingface/evaluate) metric each is listed as in `metrics:`. */
const HUB_METRICS = new Map([
  ['accuracy', 'accuracy'],
  ['f1', 'f1'],
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['roc_auc', 'roc_auc'],
  ['mae', 'mae'],
  ['mse', 'mse'],
  ['rmse', 'mse'],
  ['r2', 'r_squared'],
  ['mape', 'mape'],
]);

const inline = (text: string): string => escapeMarkdownInline(text);

function block(key: string, text: string, empty = MORE_INFO): string {
  if (text === '') return empty;
  const escaped = escapeMarkdownBlock(text);
  return `${start(key, escaped.closedFence ? 'fence-closed' : '')}\n\n${escaped.text}\n\n${end(key)}`;
}

function bulletList(key: string, items: string[]): string {
  if (items.length === 0) return MORE_INFO;
  return `${start(key)}\n\n${items.map((i) => `- ${inline(i)}`).join('\n')}\n\n${end(key)}`;
}

function table(key: string, header: string[], rows: string[][]): string {
  if (rows.length === 0) return MORE_INFO;
  return `${start(key)}\n\n${markdownTable(header, rows)}\n\n${end(key)}`;
}

const bullet = (label: string, value: string): string => `- **${label}:** ${value === '' ? MORE_INFO : inline(value)}`;

function licenseSummary(card: ModelCard): string {
  return card.modelDetails.licenses.map((l) => (l.identifier === 'other' || !l.identifier ? `other (${l.customText})` : l.identifier)).join(', ');
}

/** A license name as a Hub license id: lowercase letters, digits, dots and dashes. */
export function licenseId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function frontMatter(card: ModelCard): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const [license] = card.modelDetails.licenses;
  if (license) {
    const id = license.identifier.toLowerCase();
    if (id && id !== 'other') data.license = id;
    else {
      data.license = 'other';
      // The Hub wants an id here (like `my-license-1.0`); the exact name is in the Licenses table.
      const id = licenseId(license.customText);
      if (id) data.license_name = id;
      data.license_link = 'LICENSE';
    }
  }
  const h = card.huggingFace;
  // The Hub wants ISO 639 codes; anything else ("English") stays in the body's bullet only.
  const codes = h.language.split(/,\s*/);
  if (h.language && codes.every((c) => /^[a-z]{2,3}(?:-[a-zA-Z0-9]+)?$/.test(c))) data.language = codes.length === 1 ? codes[0] : codes;
  if (h.tags.length) data.tags = h.tags;
  const task = taskTypeOf(card);
  // A Hub task id (tabular-classification…); free text stays in model-index only.
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(task)) data.pipeline_tag = task;
  const hubMetrics = [...new Set(card.quantitative.metrics.flatMap((m) => HUB_METRICS.get(m.type) ?? []))];
  if (hubMetrics.length) data.metrics = hubMetrics;
  const modelIndex = toModelIndex(card);
  if (modelIndex.length) data['model-index'] = modelIndex;
  return data;
}

const fmt = (n: number): string => String(n);

/** Rows of a metrics table; the Id column shows the Hub's metric id (estimated_roc_auc → roc_auc, as in model-index). */
function metricRows(metrics: CardMetric[]): string[][] {
  return metrics.map((m) => {
    const id = m.type.replace(/^estimated_/, '');
    return [
      m.name ?? id,
      id,
      m.side,
      m.group ? `${m.group.column} = ${m.group.value}` : 'all',
      fmt(m.value),
      m.interval ? `[${fmt(m.interval.lower)}, ${fmt(m.interval.upper)}]` : '',
    ];
  });
}

/** The numbers as tables for people (the machine copy is model-index; these are not read back). */
function resultsTables(card: ModelCard): string {
  const q = card.quantitative;
  const parts: string[] = [];
  const header = ['Metric', 'Id', 'Side', 'Group', 'Value', '95% interval'];
  if (q.metrics.length) parts.push(`#### Metrics per side and group\n\n${markdownTable(header, metricRows(q.metrics))}`);
  if (q.estimated.length) parts.push(`#### Estimated performance (no labels)\n\n${markdownTable(header, metricRows(q.estimated))}`);
  if (q.drift) {
    const d = q.drift;
    const summary = `${d.driftedColumns} of ${d.testedColumns} columns drifted (share ${fmt(d.share)}, threshold ${fmt(d.threshold)}): ${d.datasetDrift ? 'dataset drift detected' : 'no dataset drift'}.`;
    const cols = d.columns.map((c) => [c.column, c.method, fmt(c.score), c.drifted ? 'yes' : 'no']);
    parts.push(`#### Data drift\n\n${inline(summary)}${cols.length ? `\n\n${markdownTable(['Column', 'Method', 'Score', 'Drifted'], cols)}` : ''}`);
  }
  if (q.validation.length) {
    const rows = q.validation.map((v) => [v.suite, String(v.evaluated), String(v.successful), v.success ? 'passed' : 'failed']);
    parts.push(`#### Validation\n\n${markdownTable(['Suite', 'Evaluated', 'Successful', 'Result'], rows)}`);
  }
  return parts.join('\n\n');
}

/** The card as a Hugging Face README.md. */
export function toHfReadme(card: ModelCard): string {
  const d = card.modelDetails;
  const p = card.modelParameters;
  const c = card.considerations;
  const h = card.huggingFace;
  const e = h.environmentalImpact;
  const q = card.quantitative;
  const citations = d.citations.length
    ? `${start('citations')}\n\n${d.citations.map((x) => `**${inline(x.style)}:**\n\n${fenceVerbatim(x.citation)}`).join('\n\n')}\n\n${end('citations')}`
    : MORE_INFO;
  const sections = [
    `# Model Card for ${d.name === '' ? MORE_INFO : inline(d.name)}`,
    block('overview', d.overview, ''),
    '## Model Details',
    '### Model Description',
    block('documentation', d.documentation, ''),
    [
      bullet('Developed by', h.developedBy),
      bullet('Model type', h.modelType),
      bullet('Language(s) (NLP)', h.language),
      bullet('License', licenseSummary(card)),
      bullet('Version', d.version.name),
      bullet('Version date', d.version.date),
      bullet('Model path', d.path),
    ].join('\n'),
    '#### Changes in this version',
    block('version-diff', d.version.diff),
    '#### Owners',
    table(
      'owners',
      ['Owner', 'Contact'],
      d.owners.map((o) => [o.name, o.contact]),
    ),
    '#### Licenses',
    table(
      'licenses',
      ['License', 'Name or text'],
      d.licenses.map((l) => [l.identifier, l.customText]),
    ),
    '### Model Sources [optional]',
    bulletList('references', d.references),
    '## Uses',
    '### Direct Use',
    bulletList('use-cases', c.useCases),
    '### Intended Users',
    bulletList('users', c.users),
    '### Out-of-Scope Use',
    MORE_INFO,
    '## Bias, Risks, and Limitations',
    bulletList('limitations', c.limitations),
    '### Tradeoffs',
    bulletList('tradeoffs', c.tradeoffs),
    '### Recommendations',
    table(
      'ethical-considerations',
      ['Risk', 'Mitigation strategy'],
      c.ethicalConsiderations.map((r) => [r.name, r.mitigationStrategy]),
    ),
    '## How to Get Started with the Model',
    'Use the code below to get started with the model.',
    block('getting-started', h.gettingStarted),
    '## Training Details',
    '### Training Data',
    block('training-data', h.trainingData),
    '### Training Procedure',
    block('training-procedure', h.trainingProcedure),
    '## Evaluation',
    '### Testing Data, Factors & Metrics',
    '#### Testing Data',
    block('testing-data', h.testingData),
    '#### Datasets',
    table(
      'datasets',
      ['Dataset', 'Side', 'Rows', 'SHA-256', 'Link', 'Sensitive columns', 'Description'],
      p.data.map((ds) => [
        ds.name,
        ds.side ?? '',
        ds.rows === undefined ? '' : String(ds.rows),
        ds.sha256 ?? '',
        ds.link,
        joinList(ds.sensitive),
        ds.description,
      ]),
    ),
    '#### Factors',
    block('factors', h.factors),
    '#### Metrics',
    block('evaluation-metrics', h.evaluationMetrics),
    '### Results',
    block('results', h.results),
    block('quantitative-notes', q.notes, ''),
    resultsTables(card),
    '## Environmental Impact',
    'Carbon emissions can be estimated using the [Machine Learning Impact calculator](https://mlco2.github.io/impact#compute) presented in [Lacoste et al. (2019)](https://arxiv.org/abs/1910.09700).',
    [
      bullet('Hardware Type', e.hardwareType),
      bullet('Hours used', e.hoursUsed),
      bullet('Cloud Provider', e.cloudProvider),
      bullet('Compute Region', e.computeRegion),
      bullet('Carbon Emitted', e.carbonEmitted),
    ].join('\n'),
    '## Technical Specifications [optional]',
    '### Model Architecture and Objective',
    block('architecture', p.architecture),
    '### Input and Output',
    '#### Input format',
    block('input-format', p.inputFormat),
    table(
      'input-format-map',
      ['Key', 'Value'],
      p.inputFormatMap.map((kv) => [kv.key, kv.value]),
    ),
    '#### Output format',
    block('output-format', p.outputFormat),
    table(
      'output-format-map',
      ['Key', 'Value'],
      p.outputFormatMap.map((kv) => [kv.key, kv.value]),
    ),
    '## Citation [optional]',
    citations,
    '## Model Card Contact',
    block('contact', h.contact),
    '## Sign-off',
    [bullet('Reviewer', card.signOff.reviewer), bullet('Sign-off date', card.signOff.date)].join('\n'),
    block('sign-off-notes', card.signOff.notes, ''),
  ].filter((s) => s !== '');
  return `---\n${toFrontMatterYaml(frontMatter(card))}---\n\n${sections.join('\n\n')}\n`;
}

/** Read a README.md: our own export exactly; a README from the Hub template section by section, with warnings for what is dropped. */
export function fromHfReadme(text: string): { card: ModelCard; warnings: string[] } {
  // A file whose every line ends in CRLF (git on Windows, an editor) was ours with LF: read it as such.
  const lf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text) ? text.replace(/\r\n/g, '\n') : text;
  const { data, body } = splitReadme(lf);
  const warnings: string[] = [];
  const numbers = fromModelIndex(data['model-index']);
  warnings.push(...numbers.warnings);
  const { fields, rest } = scanMarked(body);
  const ours = fields.size > 0 || /^- \*\*Sign-off date:\*\*/m.test(rest);
  const card = ours ? readOwnBody(rest, fields) : readForeignBody(body, warnings);
  const q = card.quantitative;
  q.metrics = numbers.metrics;
  q.estimated = numbers.estimated;
  if (numbers.drift) q.drift = numbers.drift;
  q.validation = numbers.validation;
  if (numbers.foreign.length) q.notes = [q.notes, numbers.foreign.join('\n')].filter((t) => t !== '').join('\n\n');
  const h = card.huggingFace;
  h.taskType = numbers.taskType || (typeof data.pipeline_tag === 'string' ? data.pipeline_tag : '');
  if (Array.isArray(data.tags)) h.tags = data.tags.map(String);
  if (!h.language && data.language !== undefined) h.language = Array.isArray(data.language) ? data.language.map(String).join(', ') : String(data.language);
  if (card.modelDetails.licenses.length === 0 && typeof data.license === 'string') {
    const name = typeof data.license_name === 'string' ? data.license_name : '';
    card.modelDetails.licenses = [{ identifier: data.license, customText: name }];
  }
  if (ours) warnings.push(...editsOutsideFields(rest, card));
  return { card, warnings };
}

/** Lines someone added to our export outside the person's fields (e.g. edited on the Hub): they are not read, say so. */
function editsOutsideFields(rest: string, card: ModelCard): string[] {
  const expected = new Set(splitLines(scanMarked(splitReadme(toHfReadme(card)).body).rest).map((l) => l.text));
  const added = splitLines(rest)
    .map((l) => l.text)
    .filter((l) => l.trim() !== '' && !expected.has(l));
  if (added.length === 0) return [];
  return [
    `README.md: ${added.length} line(s) outside Driftbook's fields were not imported (first: "${(added[0] ?? '').slice(0, 80)}") — put the text in a field of the card`,
  ];
}
