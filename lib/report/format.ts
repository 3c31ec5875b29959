/** Display formats for the report; all pure, locale-independent so reports are reproducible. */

/** A p-value or distance: 4 significant digits, scientific below 1e-4, "∞" for null (infinite). */
export function formatScore(value: number | null | undefined): string {
  if (value === undefined) return '—';
  if (value === null || value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (Number.isNaN(value)) return 'NaN';
  if (value === 0) return '0';
  if (Math.abs(value) < 1e-4) {
    const [mantissa = '', exponent = ''] = value.toExponential(3).split('e');
    return `${mantissa.replace(/\.?0+$/, '')}e${exponent.replace('+', '')}`;
  }
  return String(Number(value.toPrecision(4)));
}

/** Integer counts with thousands separators: 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int = '', frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '−' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** A share in [0, 1] as a percent with at most one decimal: 0.3333 → "33.3%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

// Evidently's method ids, so configs carry across; unknown ids are shown as given.
const METHOD_LABELS: Record<string, string> = {
  ks: 'K–S test',
  chisquare: 'Chi-square',
  z: 'Z-test',
  psi: 'PSI',
  wasserstein: 'Wasserstein',
  jensenshannon: 'Jensen–Shannon',
  kl_div: 'Kullback–Leibler',
  hellinger: 'Hellinger',
  anderson: 'Anderson–Darling',
  cramer_von_mises: 'Cramér–von Mises',
  fisher_exact: 'Fisher exact',
  g_test: 'G-test',
  mannw: 'Mann–Whitney U',
  t_test: 't-test',
  energy_distance: 'Energy distance',
  empirical_mmd: 'Empirical MMD',
  TVD: 'Total variation',
};

export function methodLabel(id: string): string {
  return METHOD_LABELS[id] ?? id;
}
