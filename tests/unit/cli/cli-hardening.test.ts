/**
 * The CLI under a careless user (issue 11, "CLI"): --out checked before any work, pipes and stdin
 * read as streams, negative numbers given to their option's own check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { joinNegativeValues } from '../../../lib/cli/args';
import { main } from '../../../lib/cli/main';
import { localFileSource } from '../../../lib/data/read-file';
import { ROOT } from '../../support';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const fixture = (path: string) => join(ROOT, 'tests/fixtures', path);
const REF = fixture('e2e/reference.csv');
const CUR = fixture('e2e/current.csv');
const MODEL = { reference: fixture('model/binary-ref.csv'), current: fixture('model/binary-cur.csv') };
const CBPE = { reference: fixture('cbpe/estimate-reference.csv'), current: fixture('cbpe/estimate-current.csv') };

/** One line on stderr starting "driftbook: ", nothing on stdout, exit 2. */
function expectOneLine(result: { code: number; out: string; err: string }, message: RegExp) {
  expect(result.code).toBe(2);
  expect(result.out).toBe('');
  expect(result.err).toMatch(/^driftbook: [^\n]*\n$/);
  expect(result.err).toMatch(message);
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'driftbook-hardening-'));

// Every command, with inputs that would compute: the --out check must come first.
const COMMANDS: [string, string[]][] = [
  ['drift', ['--reference', REF, '--current', CUR]],
  ['report', ['--reference', REF, '--current', CUR]],
  ['quality', ['--reference', REF]],
  ['fairness', ['--data', fixture('model/fairness.csv'), '--target', 'y', '--prediction', 'pred', '--sensitive', 'sex']],
  ['estimate', ['--reference', CBPE.reference, '--current', CBPE.current, '--target', 'outcome', '--score', 'proba']],
];

describe('--out', () => {
  const dir = tempDir();
  const file = join(dir, 'existing.txt');
  writeFileSync(file, 'x');

  it.each(COMMANDS)('%s: a missing directory, a directory or a file as parent is refused before any file is read', async (command, args) => {
    // A missing input beside the bad --out: the --out message wins, so nothing was read first.
    const missingInput = args.map((a) => (a === REF || a === CBPE.reference || a.endsWith('fairness.csv') ? join(dir, 'missing.csv') : a));
    expectOneLine(
      await run([command, ...missingInput, '--out', join(dir, 'no-such-dir', 'x.json')]),
      /^driftbook: --out: .*no-such-dir\/x\.json: directory .*no-such-dir does not exist — create it or choose another path/,
    );
    expectOneLine(await run([command, ...args, '--out', dir]), /^driftbook: --out: .*: is a directory — name a file in it, e.g. .*result\.json/);
    // Read-only places cannot be made with chmod here (tests may run as root, who writes anyway):
    // a regular file as the parent directory fails for everyone (ENOTDIR).
    expectOneLine(await run([command, ...args, '--out', join(file, 'x.json')]), /existing\.txt is a file, not a directory — choose another path/);
    expectOneLine(await run([command, ...args, '--out', join(file, 'sub', 'x.json')]), /a part of .*existing\.txt\/sub is a file, not a directory/);
    expectOneLine(await run([command, ...args, '--out', '']), /^driftbook: --out: the path is empty/);
  });

  it('a write that fails after the check is one line, exit 2: a full disk (/dev/full), a file system that refuses (/sys)', async () => {
    // /dev/full exists and is writable, so the check passes; every write to it fails with ENOSPC.
    expectOneLine(
      await run(['quality', '--reference', REF, '--out', '/dev/full']),
      /^driftbook: --out: \/dev\/full: cannot write \(no space left on device\) — free some space/,
    );
    // sysfs refuses new files even to root at write time (EACCES); a non-root user is refused by the check.
    expectOneLine(
      await run(['quality', '--reference', REF, '--out', '/sys/driftbook-out.json']),
      /^driftbook: --out: \/sys\/driftbook-out\.json: cannot write/,
    );
    expect(existsSync('/sys/driftbook-out.json')).toBe(false);
  });

  it('`--out -` prints to standard output; a file is written as before', async () => {
    const printed = await run(['quality', '--reference', REF, '--out', '-']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.out).reference.rows).toBe(400);
    const path = join(dir, 'q.json');
    expect(await run(['quality', '--reference', REF, '--out', path])).toMatchObject({ code: 0, out: '', err: '' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(printed.out));
  });
});

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A named pipe in a temp dir, fed by a child process (as `<(zcat ref.csv.gz)` would be). */
function fifoFedBy(name: string, script: string): string {
  const path = join(tempDir(), name);
  execFileSync('mkfifo', [path]);
  children.push(spawn('sh', ['-c', script, 'writer', path], { stdio: 'ignore' }));
  return path;
}
const catInto = (file: string, name = 'pipe.csv') => fifoFedBy(name, `cat '${file}' > "$1"`);

/** The CLI as a separate process, with `input` on its standard input. */
function spawnCli(args: string[], input: Buffer): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'lib/cli/driftbook.mjs'), ...args], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

describe('pipes and standard input', () => {
  it('a named pipe reads as the file does (same rows, columns, sha256 of the streamed bytes)', async () => {
    const file = await run(['drift', '--reference', REF, '--current', CUR]);
    const piped = await run(['drift', '--reference', catInto(REF, 'reference.csv'), '--current', catInto(CUR, 'current.csv')]);
    expect(piped.err).toBe('');
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.out)).toEqual(JSON.parse(file.out));
  });

  it.each([
    ['a column that turns to text after 5000 rows (a second pass over the bytes)', 'bad/mixed-type-row-5000.csv', 'mixed.csv'],
    ['JSON Lines', 'formats/valid.jsonl', 'valid.jsonl'],
    ['Parquet (needs the whole bytes)', 'formats/types.parquet', 'types.parquet'],
    ['an Arrow IPC stream', 'formats/types.arrows', 'types.arrows'],
    ['no extension (the format is sniffed)', 'formats/types.parquet', '63'],
  ])('%s', async (_what, path, name) => {
    const file = await run(['quality', '--reference', fixture(path)]);
    const piped = await run(['quality', '--reference', catInto(fixture(path), name)]);
    expect(piped).toMatchObject({ code: 0, err: '' });
    const [a, b] = [JSON.parse(file.out), JSON.parse(piped.out)];
    expect(b.reference).toEqual({ ...a.reference, name });
    expect(b.columns).toEqual(a.columns);
  });

  it('an empty pipe is "empty input", not a 0-byte file', async () => {
    expectOneLine(await run(['quality', '--reference', fifoFedBy('empty.csv', ': > "$1"')]), /^driftbook: empty input: .*empty\.csv gave 0 bytes/);
  });

  it('a pipe whose writer is still writing does not keep the CLI waiting after an error', async () => {
    // A ragged row early, then a writer that holds the pipe open for a minute (as zcat on a huge file would).
    const pipe = fifoFedBy('ragged.csv', `{ printf 'a,b\\n1,2\\n1,2,3\\n'; seq 1 300000 | sed 's/$/,1/'; sleep 60; } > "$1"`);
    const result = await spawnCli(['quality', '--reference', pipe], Buffer.alloc(0));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^driftbook: ragged row: line 3 of ragged\.csv/);
  }, 30_000);

  it('`-` reads standard input: same result as the file, named "stdin"', async () => {
    const file = JSON.parse((await run(['drift', '--reference', REF, '--current', CUR])).out);
    const piped = await spawnCli(['drift', '--reference', '-', '--current', CUR], readFileSync(REF));
    expect(piped.err).toBe('');
    expect(piped.code).toBe(0);
    const json = JSON.parse(piped.out);
    expect(json.reference).toEqual({ ...file.reference, name: 'stdin' });
    expect(json.columns).toEqual(file.columns);
  }, 30_000);

  it('`-` may name one input only; a terminal on stdin is refused', async () => {
    expectOneLine(
      await run(['drift', '--reference', '-', '--current', '-']),
      /^driftbook: --current: - \(standard input\) is already --reference — standard input can be read once/,
    );
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    await expect(localFileSource('-', { stdin: tty })).rejects.toMatchObject({ code: 'stdin-terminal' });
    const empty = new PassThrough();
    empty.end();
    await expect(localFileSource('-', { stdin: empty })).rejects.toMatchObject({
      code: 'empty-file',
      message: expect.stringMatching(/standard input gave 0 bytes/),
    });
  });
});

describe("negative and other non-numbers reach the option's own check", () => {
  const drift = ['drift', '--reference', REF, '--current', CUR];
  const estimate = ['estimate', '--reference', CBPE.reference, '--current', CBPE.current, '--target', 'outcome', '--score', 'proba'];
  const quality = ['quality', '--reference', MODEL.reference, '--target', 'y', '--score', 'score'];
  const BAD = ['-1', '-5', '-0.5', '-Infinity', 'Infinity', 'NaN', ''];
  const cases: [string[], string][] = [
    ...['--threshold', '--drift-share', '--seed', '--threads'].map((flag): [string[], string] => [drift, flag]),
    ...['--threshold', '--drift-share', '--seed'].map((flag): [string[], string] => [['report', '--reference', REF, '--current', CUR], flag]),
    ...['--threshold', '--chunk-size', '--chunks'].map((flag): [string[], string] => [estimate, flag]),
  ];
  it.each(cases)('%j %s', async (base, flag) => {
    for (const value of BAD) {
      const result = await run([...base, flag, value]);
      const shown = value.replace(/[.+]/g, '\\$&');
      expectOneLine(result, new RegExp(`^driftbook: ${flag}: ${shown} is not `));
    }
  });

  it('quality --threshold-prob: non-finite and empty refused; -1 answers as --threshold-prob=-1 does, never "ambiguous"', async () => {
    for (const value of ['NaN', 'Infinity', '-Infinity', '']) {
      expectOneLine(await run([...quality, '--threshold-prob', value]), /^driftbook: [^\n]*(threshold|probability)/i);
    }
    const spaced = await run([...quality, '--threshold-prob', '-1']);
    expect(spaced).toEqual(await run([...quality, '--threshold-prob=-1']));
    expect(spaced.err).not.toMatch(/ambiguous/);
  });

  it('labels and tokens that look negative are used as given: --pos-label -1, --missing -999', async () => {
    const dir = tempDir();
    const path = join(dir, 'signed.csv');
    writeFileSync(path, 'y,pred\n-1,-1\n1,1\n1,-1\n-1,1\n');
    const json = JSON.parse((await run(['quality', '--reference', path, '--target', 'y', '--prediction', 'pred', '--pos-label', '-1'])).out);
    expect(json.reference.metrics).toMatchObject({ labels: ['-1', '1'], pos_label: '-1' });
    // The same as the `=` form (what the reader then makes of the token is lib/data's business).
    const values = join(dir, 'values.csv');
    writeFileSync(values, 'x\n-999\n2\n3\n');
    const spaced = await run(['quality', '--reference', values, '--missing', '-999']);
    expect(spaced).toMatchObject({ code: 0, err: '' });
    expect(spaced.out).toBe((await run(['quality', '--reference', values, '--missing=-999'])).out);
  });

  it('a forgotten value is still reported as one: --reference --current c.csv', async () => {
    expectOneLine(await run(['drift', '--reference', '--current', CUR]), /^driftbook: Option '--reference' argument is ambiguous/);
  });
});

describe('joinNegativeValues', () => {
  const specs = { threshold: { type: 'string' }, 'skip-malformed': { type: 'boolean' } } as const;
  it('joins a negative number to a string option only, stops at --', () => {
    expect(joinNegativeValues(['--threshold', '-1', '--skip-malformed', '-2', '--nope', '-3', '--threshold=-4', '--', '--threshold', '-5'], specs)).toEqual([
      '--threshold=-1',
      '--skip-malformed',
      '-2',
      '--nope',
      '-3',
      '--threshold=-4',
      '--',
      '--threshold',
      '-5',
    ]);
    expect(joinNegativeValues(['--threshold', '-x', '--threshold', '-inf', '--threshold', '-.5', '--threshold', '-'], specs)).toEqual([
      '--threshold',
      '-x',
      '--threshold=-inf',
      '--threshold=-.5',
      '--threshold',
      '-',
    ]);
  });
});
