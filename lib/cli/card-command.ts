/**
 * `driftbook card`: a model card for CI. CARD.json holds the human fields in MCT v0.0.2 shape (as
 * the app exports it, read by lib/cards/mct.ts fromMct); with data files the CLI fills in the
 * datasets (name, rows, SHA-256 of the file bytes), the model's metrics per side with 95% bootstrap
 * intervals (the classification cell's compute, then lib/cards/autofill-metrics.ts as the app's
 * autofill) and, with --sensitive, the fairness cell's per-group rates on the current file; then it
 * writes the card as HTML (C's toCardHtml), a Hugging Face README or MCT JSON. Human text passes
 * through as read: earlier autofilled numbers in CARD.json are replaced (applyAutofill).
 */
import { readFile } from 'node:fs/promises';
import { applyAutofill } from '../cards/autofill';
import { fairnessMetrics, qualityMetrics } from '../cards/autofill-metrics';
import { fromMct, toMctJson } from '../cards/mct';
import type { CardAutofill, CardDataset, CardSide, CardSource, ModelCard } from '../cards/types';
import type { Dataset } from '../data/types';
import { DriftbookError } from '../errors';
import type { FairnessCellConfig } from '../notebook';
import { computeCell } from './cell-compute';
import { PAIR_OPTION_SPECS, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';
import { segmentSettings } from './segment-options';

export const CARD_OPTION_SPECS = {
  card: { type: 'string' },
  format: { type: 'string' },
  target: { type: 'string' },
  prediction: { type: 'string' },
  score: { type: 'string' },
  sensitive: { type: 'string' },
  'pos-label': { type: 'string' },
} as const;

const FORMATS = ['html', 'hf', 'mct'] as const;
type CardFormat = (typeof FORMATS)[number];

/** CARD.json as a card; an unreadable file or one MCT's loader would refuse is one line naming the file and the JSON path. */
async function readCard(path: string): Promise<ModelCard> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(
      `--card: ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'} — give the card's MCT JSON file`,
    );
  }
  try {
    return fromMct(text).card;
  } catch (error) {
    if (error instanceof DriftbookError) throw new UsageError(`--card: ${path}: ${error.message}`);
    throw error;
  }
}

interface CardFlags {
  target?: string;
  prediction?: string;
  score?: string;
  sensitive?: string;
  'pos-label'?: string;
}

/** What the flags and files fill in: the classification and fairness cells' computes, then the app's autofill mapping. */
async function autofillFromFiles(files: Partial<Record<CardSide, Dataset>>, flags: CardFlags, filledAt: string): Promise<CardAutofill> {
  if (!flags.target) throw new UsageError('card: --target COL is needed with --reference/--current (the true label column)');
  if (!flags.prediction && !flags.score) throw new UsageError('card: --prediction COL or --score COL is needed with --reference/--current');
  if (flags.sensitive !== undefined && !files.current) throw new UsageError('card: --sensitive needs --current FILE (groups are measured on the current data)');
  const sides = (['reference', 'current'] as const).filter((side) => files[side]);
  const source: CardSource = {
    cellId: 'cli',
    cellTitle: 'cli',
    kind: 'cli',
    datasets: sides.map((side) => ({ side, name: files[side]!.meta.name, sha256: files[side]!.meta.sha256 })),
    computedAt: filledAt,
  };
  const data: CardDataset[] = sides.map((side) => {
    const meta = files[side]!.meta;
    return {
      name: meta.name,
      link: '',
      description: '',
      side,
      rows: meta.rows,
      sha256: meta.sha256,
      sensitive: flags.sensitive ? [flags.sensitive] : [],
      source,
    };
  });
  const posLabel = flags['pos-label'];
  const config = {
    target: flags.target,
    // Without --prediction, predictions are score ≥ 0.5 (never a column guessed from its name), as in the fairness part.
    ...(flags.prediction ? { prediction: flags.prediction } : { threshold: 0.5 }),
    ...(flags.score ? { score: [flags.score] } : {}),
    ...(posLabel === undefined ? {} : { posLabel }),
    task: 'classification' as const,
  };
  // Both files: one cell over both (one label set, as the app); one file: the cell's only input, under its side.
  const [first, second] = sides;
  const computed = await computeCell('classification', { reference: files[first!]!, ...(second ? { current: files[second]! } : {}) }, config);
  const result = first === 'current' ? { columns: computed.columns, current: computed.reference } : computed;
  const notes: string[] = [];
  const metrics = qualityMetrics({ result, datasets: files, source, bootstrap: {}, notes });
  if (flags.sensitive !== undefined) {
    const fairness: FairnessCellConfig = {
      target: flags.target,
      sensitive: [flags.sensitive],
      ...(flags.prediction ? { prediction: flags.prediction } : { score: flags.score!, threshold: 0.5 }),
      ...(posLabel === undefined ? {} : { posLabel }),
    };
    const groups = await computeCell('fairness', { reference: files.current! }, fairness);
    metrics.push(...fairnessMetrics({ current: groups.reference }, source));
  }
  return { data, metrics, estimated: [], validation: [], filledAt, notes };
}

/**
 * `driftbook card --card CARD.json [--reference R] [--current C] [--target y] [--prediction p]
 * [--score s] [--sensitive g] [--pos-label 1] --format html|hf|mct [--out FILE]`.
 */
export async function cardCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, { ...PAIR_OPTION_SPECS, ...CARD_OPTION_SPECS });
  if (!values.card) throw new UsageError('card needs --card CARD.json (the human fields, as the app exports MCT JSON) and --format html|hf|mct');
  if (values.format === undefined) throw new UsageError('card needs --format html|hf|mct');
  if (!(FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format: ${values.format} is not one of ${FORMATS.join(', ')}`);
  const format = values.format as CardFormat;
  let card = await readCard(values.card);
  const filledAt = new Date().toISOString();
  if (values.reference !== undefined || values.current !== undefined) {
    const read = readSettings(values);
    const segments = segmentSettings(values, values.reference !== undefined && values.current !== undefined);
    const files: Partial<Record<CardSide, Dataset>> = {};
    if (values.reference !== undefined) files.reference = await load(values.reference, read, segments.reference);
    if (values.current !== undefined) files.current = await load(values.current, read, segments.current);
    card = applyAutofill(card, await autofillFromFiles(files, values, filledAt));
  } else {
    for (const flag of ['target', 'prediction', 'score', 'sensitive', 'pos-label'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --reference FILE or --current FILE to compute from`);
    }
  }
  await writeOutput(await cardText(card, format, filledAt), values.out, out);
}

/** The card in the chosen format; HTML draws its charts with linkedom's document (loaded only then). */
async function cardText(card: ModelCard, format: CardFormat, generatedAt: string): Promise<string> {
  if (format === 'mct') return toMctJson(card);
  if (format === 'hf') return (await import('../cards/huggingface')).toHfReadme(card);
  const [{ parseHTML }, { toCardHtml }] = await Promise.all([import('linkedom'), import('../cards/html')]);
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  return toCardHtml(card, { generatedAt, document: document as unknown as Document });
}
