/**
 * Property test of the CLI (issue 11): random argument vectors — known and unknown flags, missing
 * values, `=` forms, repeated flags, Unicode, empty strings, numbers, odd and missing paths among
 * small fixtures — end with exit 0, or exit 2 and exactly one stderr line "driftbook: …" (or the
 * usage on stdout), never a stack trace, never exit 1. Runs main() in-process. `npm run fuzz`
 * (FUZZ_RUNS, FUZZ_SEED) runs longer than `npm test` does.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIFT_OPTION_SPECS } from '../../../lib/cli/drift-options';
import { ESTIMATE_OPTION_SPECS } from '../../../lib/cli/estimate-command';
import { main } from '../../../lib/cli/main';
import { FAIRNESS_OPTION_SPECS, MODEL_OPTION_SPECS } from '../../../lib/cli/model-options';
import { READ_OPTION_SPECS } from '../../../lib/cli/read-options';
import { ROOT } from '../../support';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
// A run takes 5–100 ms (most vectors stop at the arguments); the timeout follows the number of runs.
const TIMEOUT = 30_000 + RUNS * 150;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const fixture = (path: string) => join(ROOT, 'tests/fixtures', path);
const TMP = mkdtempSync(join(tmpdir(), 'driftbook-cli-fuzz-'));
const A_FILE = join(TMP, 'a-file.txt');
writeFileSync(A_FILE, 'x');

const COMMON = ['out', ...Object.keys(READ_OPTION_SPECS)];
const PAIR = ['reference', 'current'];
/** Each command's own options (a flag of another command is an unknown option to it). */
const COMMAND_OPTIONS: Record<string, string[]> = {
  drift: [...PAIR, 'title', 'format', 'threads', ...Object.keys(DRIFT_OPTION_SPECS), ...COMMON],
  report: [...PAIR, 'title', ...Object.keys(DRIFT_OPTION_SPECS), ...COMMON],
  quality: [...PAIR, ...Object.keys(MODEL_OPTION_SPECS), ...COMMON],
  fairness: ['data', ...Object.keys(FAIRNESS_OPTION_SPECS), ...COMMON],
  estimate: [...PAIR, ...Object.keys(ESTIMATE_OPTION_SPECS), ...COMMON],
};
const COMMANDS = Object.keys(COMMAND_OPTIONS);
const OPTIONS = [...new Set(Object.values(COMMAND_OPTIONS).flat())];

const INPUTS = [
  ...['e2e/reference.csv', 'e2e/current.csv', 'model/binary-ref.csv', 'model/binary-cur.csv', 'model/multiclass-ref.csv', 'model/fairness.csv'],
  ...['cbpe/estimate-reference.csv', 'formats/types.parquet', 'formats/types.arrows', 'formats/valid.jsonl', 'formats/nested.jsonl'],
  ...['bad/empty.csv', 'bad/header-only.csv', 'bad/utf16le.csv', 'bad/png-renamed.csv', 'bad/ragged-short.csv', 'bad/all-missing.csv'],
].map(fixture);
const ODD_PATHS = [fixture(''), join(TMP, 'missing.csv'), join(A_FILE, 'x.csv'), '-', '', '.', '/'];

// The only values --out ever gets: all under the temp dir or harmless (a run must not write anywhere else).
const OUT_VALUES = [join(TMP, 'out.json'), join(TMP, 'no-such-dir', 'x.json'), TMP, join(A_FILE, 'x.json'), '-', '', '/dev/full'];

const COLUMNS = ['age', 'income', 'segment', 'y', 'pred', 'y_pred', 'score', 'sex', 'race', 'outcome', 'proba', 'x', 'nope', 'proba_a'];
const WORDS = [
  ...['json', 'html', 'ks', 'psi', 'TVD', 'wasserstein', 'all', 'bogus', 'ks,psi', 'features', 'sturges', 'quantile:5', 'uniform:-1', 'edges:1,2', 'edges:2,1'],
  ...['bh', 'bonferroni', 'binary', 'multiclass', 'regression', 'classification', 'between_groups', 'to_overall', 'worst_case', 'mean', 'utf-8'],
  ...['windows-1252', 'DD/MM/YYYY', 'MM-DD', ',', '.', 'space', 'NA,-', 'target', 'ignored', 'numeric', 'text', 'datetime'],
  ...['d => d.age > 30', 'd => ', '1', 'd => d.nope.x', 'd => op.mean(d.age) > 0', 'd => process.exit(1)', "d => d.segment === 'a'", 'd => {'],
];
const NUMBERS = ['-1', '-5', '0', '1', '0.5', '2', '64', '65', 'NaN', 'Infinity', '-Infinity', '1e400', '-0', ' ', '0x10', '1_000'];

const text = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INPUTS, ...ODD_PATHS) },
  { weight: 3, arbitrary: fc.constantFrom(...COLUMNS) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom(...NUMBERS), fc.double().map(String), fc.integer().map(String)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...COLUMNS), fc.oneof(fc.constantFrom(...WORDS, ...NUMBERS), text)).map(([c, v]) => `${c}=${v}`) },
  { weight: 2, arbitrary: text },
);
const anyOption = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...OPTIONS) }, { weight: 1, arbitrary: text });

const METHODS = ['ks', 'psi', 'TVD', 'wasserstein', 'chisquare', 'z', 'fisher_exact', 'empirical_mmd', 'anderson', 'jensenshannon', 'bogus'];
// Values an option is likely to accept (so runs get past validation), beside any value at all.
const LIKELY: Record<string, string[]> = {
  threshold: NUMBERS,
  'drift-share': NUMBERS,
  seed: NUMBERS,
  threads: ['1', '2', '0', '-1'],
  'threshold-prob': NUMBERS,
  chunks: NUMBERS,
  'chunk-size': ['1', '7', '100', '5000', '0', '-3'],
  method: [...METHODS, 'between_groups', 'to_overall'],
  'numeric-method': METHODS,
  'categorical-method': METHODS,
  'column-method': COLUMNS.map((c, i) => `${c}=${METHODS[i % METHODS.length]!}`),
  'column-threshold': COLUMNS.map((c, i) => `${c}=${NUMBERS[i % NUMBERS.length]!}`),
  methods: ['all', 'ks,psi', 'TVD,empirical_mmd', 'z,fisher_exact'],
  bins: ['sturges', 'quantile:5', 'uniform:3', 'edges:0,50,100', 'edges:2,1', 'quantile:0'],
  correction: ['none', 'bh', 'bonferroni'],
  'share-of': ['all', 'features'],
  role: COLUMNS.map((c, i) => `${c}=${['feature', 'target', 'prediction', 'score', 'timestamp', 'id', 'sensitive', 'ignored'][i % 8]!}`),
  'column-type': COLUMNS.map((c, i) => `${c}=${['numeric', 'categorical', 'boolean', 'datetime', 'text'][i % 5]!}`),
  format: ['json', 'html'],
  task: ['classification', 'binary', 'multiclass', 'regression'],
  agg: ['worst_case', 'mean'],
  'pos-label': ['0', '1', '-1', 'a', 'true'],
  target: COLUMNS,
  prediction: COLUMNS,
  score: [...COLUMNS, 'proba_a,proba_b'],
  sensitive: ['sex', 'race', 'sex,race', 'y'],
  weight: ['w', 'x', 'score'],
  'reference-group': ['M', 'F', 'a', '1'],
  segment: WORDS.filter((w) => w.startsWith('d =>')),
  'reference-segment': WORDS.filter((w) => w.startsWith('d =>')),
  'current-segment': WORDS.filter((w) => w.startsWith('d =>')),
  'date-format': ['DD/MM/YYYY', 'YYYY-MM-DD', 'MM-DD-YYYY HH:mm', 'YYYY'],
  title: ['', 'T', '<b>x</b>', '\u202eevil'],
  missing: ['NA,-', '0', '-999', 'x'],
  thousands: [',', '.', 'space', "'", '_'],
  encoding: ['utf-8', 'windows-1252', 'latin1'],
};
const valueFor = (name: string) =>
  LIKELY[name] ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...LIKELY[name]) }, { weight: 1, arbitrary: value }) : value;

/** One item of a vector: `--opt value`, `--opt=value`, `--opt` alone, a bare value, or an odd token. */
const itemOf = (option: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 6, arbitrary: option.chain((o) => valueFor(o).map((v) => [`--${o}`, v])) },
    { weight: 3, arbitrary: option.chain((o) => valueFor(o).map((v) => [`--${o}=${v}`])) },
    { weight: 2, arbitrary: option.map((o) => [`--${o}`]) },
    { weight: 1, arbitrary: value.map((v) => [v]) },
    { weight: 1, arbitrary: fc.constantFrom<string[]>(['--'], ['-'], ['-x'], ['--help'], ['-h'], ['-v'], ['---'], ['--=1']) },
  );
const item = itemOf(anyOption);

// Each command's valid arguments as items, to start mutations from: most random vectors stop at
// parsing, these go deep. Edits work on whole items, so a flag and its value stay together unless an edit says otherwise.
const E2E = ['--reference', fixture('e2e/reference.csv'), '--current', fixture('e2e/current.csv')];
const VALID: string[][][] = [
  [['drift'], E2E.slice(0, 2), E2E.slice(2)],
  [['report'], E2E.slice(0, 2), E2E.slice(2)],
  [['quality'], E2E.slice(0, 2), E2E.slice(2)],
  [['quality'], ['--reference', fixture('model/binary-ref.csv')], ['--current', fixture('model/binary-cur.csv')], ['--target', 'y'], ['--score', 'score']],
  [['fairness'], ['--data', fixture('model/fairness.csv')], ['--target', 'y'], ['--prediction', 'pred'], ['--sensitive', 'sex']],
  [
    ['estimate'],
    ['--reference', fixture('cbpe/estimate-reference.csv')],
    ['--current', fixture('cbpe/estimate-current.csv')],
    ['--target', 'outcome'],
    ['--score', 'proba'],
  ],
];

type Edit = { op: 'insert' | 'replace' | 'value' | 'remove'; at: number; tokens: string[]; value: string };
// Mostly the command's own options (so a run goes past parsing), sometimes any.
const editsOf = (command: string) => {
  const own = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...COMMAND_OPTIONS[command]!) }, { weight: 1, arbitrary: anyOption });
  const op = fc.constantFrom<Edit['op']>('insert', 'insert', 'insert', 'replace', 'value', 'remove');
  return fc.array(fc.record({ op, at: fc.nat(), tokens: itemOf(own), value }), { minLength: 1, maxLength: 3 });
};

const BOOLEAN = new Set(Object.entries(READ_OPTION_SPECS).flatMap(([name, spec]) => (spec.type === 'boolean' ? [name] : [])));
const wellFormed = (command: string) =>
  fc.array(
    fc.constantFrom(...COMMAND_OPTIONS[command]!).chain((o) => (BOOLEAN.has(o) ? fc.constant<string[]>([`--${o}`]) : valueFor(o).map((v) => [`--${o}=${v}`]))),
    { minLength: 1, maxLength: 3 },
  );

function mutate(base: readonly string[][], edits: readonly Edit[]): string[] {
  const items = base.map((i) => [...i]);
  for (const { op, at, tokens, value } of edits) {
    // Never edit the command itself (item 0): other vectors try random commands.
    const i = 1 + (at % Math.max(1, items.length - (op === 'insert' ? 0 : 1)));
    if (op === 'insert') items.splice(i, 0, tokens);
    else if (i >= items.length) continue;
    else if (op === 'replace') items.splice(i, 1, tokens);
    else if (op === 'value') items[i] = [items[i]![0]!, value];
    else items.splice(i, 1);
  }
  return items.flat();
}

/** Whatever the generators made, --out only ever points into the temp dir (or -, '', /dev/full). */
function safeOut(args: readonly string[]): string[] {
  return args.map((arg, i) => {
    if (i > 0 && args[i - 1] === '--out' && !OUT_VALUES.includes(arg)) return OUT_VALUES[i % OUT_VALUES.length]!;
    if (arg.startsWith('--out=') && !OUT_VALUES.includes(arg.slice(6))) return `--out=${OUT_VALUES[i % OUT_VALUES.length]!}`;
    return arg;
  });
}

const vector = fc
  .oneof(
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...COMMANDS) }, { weight: 1, arbitrary: text }), fc.array(item, { maxLength: 8 }))
        .map(([c, items]) => [c, ...items.flat()]),
    },
    { weight: 3, arbitrary: fc.constantFrom(...VALID).chain((base) => editsOf(base[0]![0]!).map((edits) => mutate(base, edits))) },
    // The command's own options with likely values only: these runs mostly compute a result.
    { weight: 3, arbitrary: fc.constantFrom(...VALID).chain((base) => wellFormed(base[0]![0]!).map((extra) => [...base.flat(), ...extra.flat()])) },
  )
  .map(safeOut);

describe('CLI argument fuzzing', () => {
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  beforeAll(() => {
    // `-` reads standard input: each read gets the reference file, never the test runner's own stdin.
    const bytes = readFileSync(fixture('e2e/reference.csv'));
    Object.defineProperty(process, 'stdin', { configurable: true, get: () => new PassThrough().end(bytes) });
  });
  afterAll(() => Object.defineProperty(process, 'stdin', stdin));

  it(
    'exits 0, or 2 with one line "driftbook: …" (or the usage), never a stack trace or exit 1',
    async () => {
      const codes = { ok: 0, refused: 0, usage: 0 };
      await fc.assert(
        fc.asyncProperty(vector, async (argv) => {
          let out = '';
          let err = '';
          const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
          const what = JSON.stringify({ argv, code, err: err.slice(0, 300) });
          expect([0, 2], what).toContain(code);
          if (err === '' && out.startsWith('Usage:')) codes.usage++;
          else if (code === 0) {
            expect(err, what).toBe('');
            codes.ok++;
          } else {
            expect(out, what).toBe('');
            expect(err, what).toMatch(/^driftbook: [^\n]+\n$/);
            // A raw Node error ("ENOENT: no such file or directory, open …") is not a readable message.
            expect(err, what).not.toMatch(/^driftbook: E[A-Z]+: /);
            codes.refused++;
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // The generators reach both ends: some vectors run to a result, some are refused.
      expect(codes.ok).toBeGreaterThan(0);
      expect(codes.refused).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
