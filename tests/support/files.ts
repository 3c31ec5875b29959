import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, for paths written as in the tree (`tests/fixtures/…`). */
export const ROOT = join(__dirname, '..', '..');

export function readFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, path)));
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
}
