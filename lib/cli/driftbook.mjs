#!/usr/bin/env node
// The `driftbook` command. Runs the CLI from its esbuild bundle (lib/cli/bundle.mjs: built on first
// use and rebuilt whenever a source changed, ~0.1 s to load instead of ~1.5 s), else the TypeScript
// sources through tsx's ESM loader — the very lib/ sources the app's workers run either way.
// DRIFTBOOK_NO_BUNDLE=1 forces the sources. (lib/package.json marks lib/ as ES modules.)
import { bundledMain } from './bundle.mjs';

async function sourcesMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('./main.ts')).main;
}

const bundled = await bundledMain();
// A bundle that does not load (a file of it removed by hand) falls back to the sources too.
const main =
  (bundled &&
    (await import(bundled).then(
      (m) => m.main,
      () => undefined,
    ))) ||
  (await sourcesMain());
process.exitCode = await main(process.argv.slice(2));
