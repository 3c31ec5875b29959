/**
 * The peeking warning: looking at a running test again and again and stopping at the first
 * p < α makes a false positive far likelier than α (Armitage, McPherson & Rowe 1969). The A/B
 * cell counts the looks; this only words the warning.
 */

/** The warning for `looks` looks at a running test (null for one look or fewer, or once the test is finished). */
export function peekingWarning(looks: number, alpha = 0.05, finished = false): string | null {
  if (finished || !(looks > 1)) return null;
  return (
    `peeking: this running test has been looked at ${looks} times — stopping at the first look with p < ${alpha} ` +
    `makes a false positive much likelier than ${alpha}; fix the sample size in advance (see planning) and decide once it is reached`
  );
}
