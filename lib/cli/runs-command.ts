/**
 * `driftbook runs import --mlruns DIR [--format json] [--out FILE]`: reads an MLflow FileStore folder
 * with the app's own importer (lib/tracking/mlruns.ts) and prints what it holds — experiments, runs
 * (params, metric histories, tags, artifacts, dataset inputs) and the model registry — as JSON
 * (lib/tracking/snapshot-json.ts). Problems in single files are warnings on standard error; a folder
 * that cannot be read at all is one line and exit 2.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { FileTree } from '../tracking/file-tree';
import { readMlruns } from '../tracking/mlruns';
import { snapshotToJson } from '../tracking/snapshot-json';
import { writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { checkOutPath } from './out-file';

export const RUNS_OPTION_SPECS = {
  mlruns: { type: 'string' },
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

async function importCommand(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: RUNS_OPTION_SPECS, strict: true, allowPositionals: false });
  if (values.format !== 'json') throw new UsageError(`--format: ${values.format} — runs import prints json`);
  if (values.mlruns === undefined) throw new UsageError('runs import needs --mlruns DIR (an MLflow FileStore folder)');
  checkOutPath(values.out);
  const tree = await fileTreeFromDirectory(values.mlruns);
  const { snapshot, warnings } = await readMlruns(tree);
  for (const warning of warnings) err(`driftbook: warning: ${warning}\n`);
  await writeOutput(snapshotToJson(snapshot), values.out, out);
}

/** `driftbook runs <subcommand>`: import. */
export async function runsCommand(
  args: string[],
  out: (text: string) => void,
  err: (text: string) => void = (text) => process.stderr.write(text),
): Promise<void> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'import')
    throw new UsageError(`runs: ${subcommand === undefined ? 'a subcommand is needed' : `unknown subcommand ${subcommand}`} — use runs import --mlruns DIR`);
  await importCommand(rest, out, err);
}
