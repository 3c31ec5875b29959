#!/usr/bin/env node
// The `driftbook` command. Runs the CLI from its esbuild bundle (lib/cli/bundle.mjs: built on first
// use and rebuilt whenever a source changed, ~0.2 s to load instead of ~1.5 s), else the TypeScript
// sources through tsx's ESM loader — the very lib/ sources the app's workers run either way.
// DRIFTBOOK_NO_BUNDLE=1 forces the sources. (lib/package.json marks lib/ as ES modules.)
import { bundledMain } from './bundle.mjs';

const bundled = await bundledMain();
let main;
if (bundled) ({ main } = await import(bundled));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
