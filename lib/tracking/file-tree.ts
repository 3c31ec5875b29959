/**
 * A folder as the importers see it: every file's path ('/'-separated, relative to the folder picked)
 * and a way to read one. The browser builds one from the File[] of `<input webkitdirectory>` (or a
 * dropped folder); the CLI builds one from the file system (lib/cli/runs-command.ts).
 */
export interface FileTree {
  /** Every file (no directories), '/'-separated, relative to the root. */
  paths(): string[];
  read(path: string): Promise<Uint8Array>;
}

/** A browser File with the path the directory picker (or a folder drop) gives it. */
export interface PickedFile {
  readonly webkitRelativePath: string;
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The picked files as a tree rooted at the picked folder: `webkitRelativePath` starts with that
 * folder's own name (`mlruns/0/meta.yaml`), which is dropped. A file without a relative path (a
 * plain multi-file pick) keeps its bare name.
 */
export function fileTreeFromFiles(files: readonly PickedFile[]): FileTree {
  const byPath = new Map<string, PickedFile>();
  for (const file of files) {
    const relative = (file.webkitRelativePath || file.name).replaceAll('\\', '/');
    const slash = relative.indexOf('/');
    const path = file.webkitRelativePath && slash >= 0 ? relative.slice(slash + 1) : relative;
    if (path) byPath.set(path, file);
  }
  return {
    paths: () => [...byPath.keys()],
    read: async (path) => {
      const file = byPath.get(path);
      if (!file) throw new Error(`no such file in the picked folder: ${path}`);
      return new Uint8Array(await file.arrayBuffer());
    },
  };
}

/** An in-memory tree (tests, and the CLI's fallback): path → bytes or text. */
export function fileTreeFromMap(entries: Record<string, Uint8Array | string>): FileTree {
  const encoder = new TextEncoder();
  return {
    paths: () => Object.keys(entries),
    read: async (path) => {
      if (!Object.hasOwn(entries, path)) throw new Error(`no such file: ${path}`);
      const value = entries[path]!;
      return typeof value === 'string' ? encoder.encode(value) : value;
    },
  };
}
