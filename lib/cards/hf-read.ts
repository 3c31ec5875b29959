/**
 * Reading a README.md: the front matter as huggingface_hub finds it, and the body of a README
 * Driftbook wrote — each person field from between its markers, our own title and bullets from
 * the rest.
 */
import { AnalysisError } from '../errors';
import { endMarker, MORE_INFO, splitList } from './hf-markers';
import { parseFrontMatterYaml } from './hf-yaml';
import { FenceTracker, readMarkdownTable, splitLines, unescapeMarkdownBlock, unescapeMarkdownInline } from './markdown-escape';
import { importSource } from './mct-text';
import { emptyCard, type ModelCard } from './types';

/** The Hub's front-matter rule (repocard.py REGEX_YAML_BLOCK): optional blank, `---`, YAML, a `---` line. */
const FRONT_MATTER = /^(\s*---[\r\n]+)([\S\s]*?)([\r\n]+---(\r\n|\n|$))/;

export interface SplitReadme {
  data: Record<string, unknown>;
  body: string;
}

/** Split a README into its front matter (parsed) and body, with the errors huggingface_hub would raise, in words. */
export function splitReadme(text: string): SplitReadme {
  if (text.startsWith('\uFEFF'))
    throw new AnalysisError(
      'card-format',
      'README.md: starts with a byte order mark (BOM), so the Hub does not see its front matter — save it as UTF-8 without BOM',
    );
  const m = FRONT_MATTER.exec(text);
  if (!m) return { data: {}, body: text };
  const firstLine = (m[1] ?? '').split(/\r\n|\r|\n/).length;
  const parsed = parseFrontMatterYaml(m[2] ?? '', firstLine);
  if (parsed.error) throw new AnalysisError('card-format', `README.md front matter: YAML error at ${parsed.error} — fix the YAML between the --- lines`);
  if (parsed.value === null || parsed.value === undefined) return { data: {}, body: text.slice(m[0].length) };
  if (typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    throw new AnalysisError(
      'card-format',
      `README.md front matter: ${Array.isArray(parsed.value) ? 'a list' : `a ${typeof parsed.value}`} where the Hub needs a mapping (key: value lines)`,
    );
  }
  return { data: parsed.value as Record<string, unknown>, body: text.slice(m[0].length) };
}

export interface Marked {
  text: string;
  fenceClosed: boolean;
}

/**
 * Every `<!-- driftbook:key -->` … `<!-- /driftbook:key -->` field of a body (an end marker inside a
 * code fence does not count), and the body without them (where our own title and bullets are).
 */
export function scanMarked(body: string): { fields: Map<string, Marked>; rest: string } {
  const fields = new Map<string, Marked>();
  const lines = splitLines(body);
  let rest = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? { text: '', eol: '' };
    const open = /^<!-- driftbook:([a-z-]+)( fence-closed)? -->$/.exec(line.text);
    let j = i + 1;
    let content = '';
    if (open?.[1]) {
      const fences = new FenceTracker();
      for (; j < lines.length; j++) {
        const inner = lines[j] ?? { text: '', eol: '' };
        if (!fences.inFence && inner.text === endMarker(open[1])) break;
        fences.step(inner.text);
        content += inner.text + inner.eol;
      }
    }
    if (!open?.[1] || j >= lines.length) {
      rest += line.text + line.eol;
      continue;
    }
    // Written as start, blank line, text, blank line, end.
    fields.set(open[1], { text: content.replace(/^\n/, '').replace(/\n\n$/, ''), fenceClosed: open[2] !== undefined });
    i = j;
  }
  return { fields, rest };
}

function bulletValue(body: string, label: string): string {
  const escaped = label.replace(/[()[\]]/g, (ch) => `\\${ch}`);
  const m = new RegExp(`^- \\*\\*${escaped}:\\*\\* (.*)$`, 'm').exec(body);
  const raw = m?.[1] ?? '';
  return raw === MORE_INFO ? '' : unescapeMarkdownInline(raw);
}

/** Our own export: the person's fields from their markers, our title and bullets from the rest (`body`). */
export function readOwnBody(body: string, fields: Map<string, Marked>): ModelCard {
  const card = emptyCard();
  const get = (key: string): string => {
    const f = fields.get(key);
    return f ? unescapeMarkdownBlock(f.text, f.fenceClosed) : '';
  };
  const items = (key: string): string[] => {
    const f = fields.get(key);
    if (!f) return [];
    return splitLines(f.text)
      .map((l) => /^-(?: (.*))?$/.exec(l.text))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => unescapeMarkdownInline(m[1] ?? ''));
  };
  const rows = (key: string): string[][] => {
    const f = fields.get(key);
    return f ? readMarkdownTable(f.text) : [];
  };
  const title = /^# Model Card for (.*)$/m.exec(body)?.[1] ?? '';
  const d = card.modelDetails;
  d.name = title === MORE_INFO ? '' : unescapeMarkdownInline(title);
  d.overview = get('overview');
  d.documentation = get('documentation');
  d.version = { name: bulletValue(body, 'Version'), date: bulletValue(body, 'Version date'), diff: get('version-diff') };
  d.path = bulletValue(body, 'Model path');
  d.owners = rows('owners').map(([name = '', contact = '']) => ({ name, contact }));
  d.licenses = rows('licenses').map(([identifier = '', customText = '']) => ({ identifier, customText }));
  d.references = items('references');
  const cites = fields.get('citations');
  if (cites) d.citations = readCitations(cites.text);
  const c = card.considerations;
  c.useCases = items('use-cases');
  c.users = items('users');
  c.limitations = items('limitations');
  c.tradeoffs = items('tradeoffs');
  c.ethicalConsiderations = rows('ethical-considerations').map(([name = '', mitigationStrategy = '']) => ({ name, mitigationStrategy }));
  const p = card.modelParameters;
  p.architecture = get('architecture');
  p.inputFormat = get('input-format');
  p.outputFormat = get('output-format');
  p.inputFormatMap = rows('input-format-map').map(([key = '', value = '']) => ({ key, value }));
  p.outputFormatMap = rows('output-format-map').map(([key = '', value = '']) => ({ key, value }));
  p.data = rows('datasets').map(([name = '', side = '', rowCount = '', sha256 = '', link = '', sensitive = '', description = '']) => {
    const ds: ModelCard['modelParameters']['data'][number] = { name, link, description, sensitive: splitList(sensitive) };
    if (side === 'reference' || side === 'current') ds.side = side;
    if (/^\d+$/.test(rowCount)) ds.rows = Number(rowCount);
    if (sha256) ds.sha256 = sha256;
    if (ds.side || ds.rows !== undefined || ds.sha256) ds.source = importSource('Hugging Face README');
    return ds;
  });
  card.quantitative.notes = get('quantitative-notes');
  const h = card.huggingFace;
  h.developedBy = bulletValue(body, 'Developed by');
  h.modelType = bulletValue(body, 'Model type');
  h.language = bulletValue(body, 'Language(s) (NLP)');
  h.gettingStarted = get('getting-started');
  h.trainingData = get('training-data');
  h.trainingProcedure = get('training-procedure');
  h.testingData = get('testing-data');
  h.factors = get('factors');
  h.evaluationMetrics = get('evaluation-metrics');
  h.results = get('results');
  h.environmentalImpact = {
    hardwareType: bulletValue(body, 'Hardware Type'),
    hoursUsed: bulletValue(body, 'Hours used'),
    cloudProvider: bulletValue(body, 'Cloud Provider'),
    computeRegion: bulletValue(body, 'Compute Region'),
    carbonEmitted: bulletValue(body, 'Carbon Emitted'),
  };
  h.contact = get('contact');
  card.signOff = { reviewer: bulletValue(body, 'Reviewer'), date: bulletValue(body, 'Sign-off date'), notes: get('sign-off-notes') };
  return card;
}

function readCitations(text: string): ModelCard['modelDetails']['citations'] {
  const out: ModelCard['modelDetails']['citations'] = [];
  let rest = text;
  for (;;) {
    const head = /^\*\*(.*):\*\*\n\n(`{3,})\n/.exec(rest);
    if (!head) break;
    const fence = head[2] ?? '```';
    const after = rest.slice(head[0].length);
    const close = after.indexOf(`\n${fence}`);
    if (close < 0) break;
    out.push({ style: unescapeMarkdownInline(head[1] ?? ''), citation: after.slice(0, close) });
    rest = after.slice(close + fence.length + 1).replace(/^\n\n/, '');
  }
  return out;
}
