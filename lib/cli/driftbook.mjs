#!/usr/bin/env node
// The `driftbook` command: loads the TypeScript CLI through tsx, so the CLI runs the very
// lib/ sources the app's workers run, with no separate build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
