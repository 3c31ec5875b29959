#!/usr/bin/env node
// The `driftbook` command: runs the TypeScript CLI through tsx's ESM loader, so the CLI runs the
// very lib/ sources the app's workers run, with no separate build step. (lib/package.json marks
// lib/ as ES modules.)
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
