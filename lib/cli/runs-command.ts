/**
 * `driftbook runs import --mlruns DIR | --mlflow-db FILE [--format json] [--out FILE]`: reads an MLflow
 * FileStore folder or SQLite tracking database with the app's own importers (lib/tracking/mlruns.ts,
 * lib/tracking/mlflow-db.ts) and prints what it holds — experiments, runs
 * (params, metric histories, tags, artifacts, dataset inputs) and the model registry — as JSON
 * (lib/tracking/snapshot-json.ts). Problems in single files are warnings on standard error; a folder
 * that cannot be read at all is one line and exit 2.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { FileTree } from '../tracking/file-tree';
import { readMlruns } from '../tracking/mlruns';
import { readMlflowDb } from '../tracking/mlflow-db';
import { snapshotJsonChunks } from '../tracking/snapshot-json';
import { UsageError } from './drift-options';
import { checkOutPath, STDOUT_PATH } from './out-file';
import { StorageError } from '../errors';

export const RUNS_OPTION_SPECS = {
  mlruns: { type: 'string' },
  'mlflow-db': { type: 'string' },
  format: { type: 'string', default: 'json' },
  out: { type: 'string' },
} as const;

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** Every file under `root` (symbolic links followed to files), as a FileTree. */
export async function fileTreeFromDirectory(root: string): Promise<FileTree> {
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    const why = errno(error) === 'ENOENT' ? 'no such directory' : errno(error) === 'EACCES' ? 'permission denied' : (errno(error) ?? (error as Error).message);
    throw new UsageError(`--mlruns: cannot read ${root} (${why}) — give the mlruns folder MLflow wrote (the one holding 0/ and meta.yaml files)`);
  }
  if (!info.isDirectory()) throw new UsageError(`--mlruns: ${root} is not a directory — give the mlruns folder MLflow wrote`);
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new UsageError(`--mlruns: cannot list ${root} (${errno(error) ?? (error as Error).message})`);
  }
  const paths: string[] = [];
  for (const entry of entries) {
    const full = join(entry.parentPath ?? entry.path, entry.name);
    const isFile =
      entry.isFile() ||
      (entry.isSymbolicLink() &&
        (await stat(full).then(
          (s) => s.isFile(),
          () => false,
        )));
    if (isFile) paths.push(relative(root, full).split(sep).join('/'));
  }
  paths.sort();
  return { paths: () => paths, read: async (path) => readFile(join(root, ...path.split('/'))) };
}

/** The bytes of an mlflow.db file (read into memory: the file itself is never opened for writing). */
async function readDatabaseFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const why = errno(error) === 'ENOENT' ? 'no such file' : errno(error) === 'EISDIR' ? 'a directory' : (errno(error) ?? (error as Error).message);
    throw new UsageError(`--mlflow-db: cannot read ${path} (${why}) — give the SQLite file MLflow writes (e.g. mlflow.db of sqlite:///mlflow.db)`);
  }
}

/**
 * The JSON piece by piece (a large import is more than one string can hold), to standard output or
 * to --out; a failed write is one line and removes the file it created.
 */
async function writeChunks(chunks: Iterable<string>, path: string | undefined, out: (text: string) => void): Promise<void> {
  if (path === undefined || path === STDOUT_PATH) {
    for (const chunk of chunks) out(chunk);
    return;
  }
  try {
    await writeFile(path, chunks);
  } catch (error) {
    if (errno(error) === undefined) throw error;
    await rm(path, { force: true });
    throw new StorageError('out-write-failed', `--out: ${path}: cannot write (${errno(error)}) — choose another path`);
  }
}

async function importCommand(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: RUNS_OPTION_SPECS, strict: true, allowPositionals: false });
  if (values.format !== 'json') throw new UsageError(`--format: ${values.format} — runs import prints json`);
  const dbPath = values['mlflow-db'];
  if ((values.mlruns === undefined) === (dbPath === undefined))
    throw new UsageError('runs import needs one of --mlruns DIR (an MLflow FileStore folder) or --mlflow-db FILE (an MLflow SQLite database)');
  checkOutPath(values.out);
  const { snapshot, warnings } =
    dbPath !== undefined ? await readMlflowDb(await readDatabaseFile(dbPath)) : await readMlruns(await fileTreeFromDirectory(values.mlruns!));
  for (const warning of warnings) err(`driftbook: warning: ${warning}\n`);
  await writeChunks(snapshotJsonChunks(snapshot), values.out, out);
}

/** `driftbook runs <subcommand>`: import. */
export async function runsCommand(
  args: string[],
  out: (text: string) => void,
  err: (text: string) => void = (text) => process.stderr.write(text),
): Promise<void> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'import')
    throw new UsageError(
      `runs: ${subcommand === undefined ? 'a subcommand is needed' : `unknown subcommand ${subcommand}`} — use runs import --mlruns DIR or --mlflow-db FILE`,
    );
  await importCommand(rest, out, err);
}
