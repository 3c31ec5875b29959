#!/usr/bin/env node
// The `driftbook` command: loads the TypeScript CLI through tsx's loader, so the CLI runs the
// very lib/ sources the app's workers run, with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
