import { DriftbookError, errorMessage } from '../errors';
import { APP_VERSION } from '../version';
import { UsageError } from './drift-options';

type Command = (args: string[], out: (text: string) => void) => Promise<void | number>;

/**
 * Each command builds a cell kind's config from its flags and runs the kind's compute (lib/cli/cell-compute.ts).
 * Loaded on first use: a command's modules (and their npm packages) are not read for another command.
 */
const COMMANDS = {
  drift: () => import('./drift-command').then((m) => m.driftCommand),
  quality: () => import('./model-commands').then((m) => m.qualityCommand),
  report: () => import('./drift-command').then((m) => m.reportCommand),
  fairness: () => import('./model-commands').then((m) => m.fairnessCommand),
  estimate: () => import('./estimate-command').then((m) => m.estimateCommand),
  detect: () => import('./detect-command').then((m) => m.detectCommand),
  history: () =>
    import('./history-command').then(
      (m): Command =>
        (args, out) =>
          m.historyCommand(args, out),
    ),
  card: () => import('./card-command').then((m) => m.cardCommand),
  run: () => import('./run-command').then((m) => m.runCommand),
  runs: () =>
    import('./runs-command').then(
      (m): Command =>
        (args, out) =>
          m.runsCommand(args, out),
    ),
  audit: () => import('./audit-command').then((m) => m.auditCommand),
  prom: () => import('./prom-command').then((m) => m.promCommand),
  alerts: () => import('./alerts-command').then((m) => m.alertsCommand),
  validate: () => import('./validate-command').then((m) => m.validateCommand),
  suite: () => import('./suite-command').then((m) => m.suiteCommand),
  value: () => import('./value-command').then((m) => m.valueCommand),
  abtest: () => import('./abtest-command').then((m) => m.abtestCommand),
  compare: () => import('./compare-command').then((m) => m.compareCommand),
  explain: () => import('./explain-command').then((m) => m.explainCommand),
  predict: () => import('./predict-command').then((m) => m.predictCommand),
  multivariate: () => import('./multivariate-command').then((m) => m.multivariateCommand),
  profile: () => import('./profile-command').then((m) => m.profileCommand),
} satisfies Record<string, () => Promise<Command>>;

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(
  argv: string[],
  io: { out: (text: string) => void; err: (text: string) => void } = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '-v' || command === '--version') {
      io.out(`driftbook ${APP_VERSION}\n`);
      return 0;
    }
    if (!command || command === '-h' || command === '--help' || rest.includes('--help') || rest.includes('-h')) {
      // The usage text lists the cell kinds (the notebook registry): loaded only when shown.
      io.out(`${(await import('./usage')).USAGE}\n`);
      return command ? 0 : 2;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command as keyof typeof COMMANDS] : undefined;
    if (!load) throw new UsageError(`unknown command: ${command} — the commands are: ${Object.keys(COMMANDS).join(', ')}`);
    // A command may return its own exit code (audit verify: 1 when the chain is broken).
    return (await (await load())(rest, io.out)) ?? 0;
  } catch (error) {
    // Usage mistakes and bad files get one line and exit 2; anything else is a bug: exit 1.
    const known = error instanceof UsageError || error instanceof DriftbookError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`driftbook: ${errorMessage(error).split('\n')[0]}\n`);
    return known ? 2 : 1;
  }
}
