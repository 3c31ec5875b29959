/**
 * `--format prometheus`: a computed cell's catalogue samples (lib/alerts samplesOf) as the
 * Prometheus text exposition, for node_exporter's textfile collector or a Pushgateway.
 */
import { exposition } from '../alerts/exposition';
import { samplesOf } from '../alerts/samples';
import { UsageError } from './drift-options';

/** The command's --format value, checked against the formats it writes (a usage error naming them otherwise). */
export function checkFormat<F extends string>(format: string | undefined, formats: readonly F[]): F {
  const chosen = format ?? formats[0]!;
  if (!(formats as readonly string[]).includes(chosen))
    throw new UsageError(`unknown format: ${chosen} — use ${formats.join(', ').replace(/, ([^,]*)$/, ' or $1')}`);
  return chosen as F;
}

/** The exposition of one result of a cell kind; a kind without catalogue numbers is a usage error. */
export function prometheusText(kind: string, result: unknown): string {
  const samples = samplesOf(kind, result);
  if (samples.length === 0) throw new UsageError(`--format prometheus: a ${kind} result has no catalogue metrics — use --format json`);
  return exposition(samples);
}
