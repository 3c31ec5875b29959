import { DriftbookError, errorMessage } from '../errors';
import { APP_VERSION } from '../version';
import { abtestCommand } from './abtest-command';
import { alertsCommand } from './alerts-command';
import { auditCommand } from './audit-command';
import { cardCommand } from './card-command';
import { compareCommand } from './compare-command';
import { detectCommand } from './detect-command';
import { driftCommand, reportCommand } from './drift-command';
import { UsageError } from './drift-options';
import { estimateCommand } from './estimate-command';
import { explainCommand } from './explain-command';
import { multivariateCommand } from './multivariate-command';
import { fairnessCommand, qualityCommand } from './model-commands';
import { historyCommand } from './history-command';
import { profileCommand } from './profile-command';
import { promCommand } from './prom-command';
import { predictCommand } from './predict-command';
import { runCommand } from './run-command';
import { runsCommand } from './runs-command';
import { suiteCommand } from './suite-command';
import { USAGE } from './usage';
import { validateCommand } from './validate-command';
import { valueCommand } from './value-command';

/** Each command builds a cell kind's config from its flags and runs the kind's compute (lib/cli/cell-compute.ts). */
const COMMANDS = {
  drift: driftCommand,
  quality: qualityCommand,
  report: reportCommand,
  fairness: fairnessCommand,
  estimate: estimateCommand,
  detect: detectCommand,
  history: (args, out) => historyCommand(args, out),
  card: cardCommand,
  run: runCommand,
  runs: (args, out) => runsCommand(args, out),
  audit: auditCommand,
  prom: promCommand,
  alerts: alertsCommand,
  validate: validateCommand,
  suite: suiteCommand,
  value: valueCommand,
  abtest: abtestCommand,
  compare: compareCommand,
  explain: explainCommand,
  predict: predictCommand,
  multivariate: multivariateCommand,
  profile: profileCommand,
} satisfies Record<string, (args: string[], out: (text: string) => void) => Promise<void | number>>;

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
      io.out(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command as keyof typeof COMMANDS] : undefined;
    if (!run) throw new UsageError(`unknown command: ${command} — the commands are: ${Object.keys(COMMANDS).join(', ')}`);
    // A command may return its own exit code (audit verify: 1 when the chain is broken).
    return (await run(rest, io.out)) ?? 0;
  } catch (error) {
    // Usage mistakes and bad files get one line and exit 2; anything else is a bug: exit 1.
    const known = error instanceof UsageError || error instanceof DriftbookError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`driftbook: ${errorMessage(error).split('\n')[0]}\n`);
    return known ? 2 : 1;
  }
}
