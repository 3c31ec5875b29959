import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES, familyOf } from '../../../lib/alerts/catalogue';
import { ROOT } from '../../support';

describe('metric catalogue', () => {
  it('the README lists every family with its Prometheus name, labels, unit and producing cells', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const f of FAMILIES) {
      const labels = f.labels.length ? f.labels.map((l) => `\`${l}\``).join(', ') : '—';
      expect(readme, f.name).toContain(`| \`driftbook_${f.name}\` | ${labels} | ${f.unit} | ${f.kinds.join(', ')} |`);
    }
  });

  it('names are unique snake_case without unit abbreviations (promtool lint)', () => {
    expect(new Set(FAMILIES.map((f) => f.name)).size).toBe(FAMILIES.length);
    for (const f of FAMILIES) {
      expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(f.name).not.toMatch(/_(s|ms|b|total)$|_(s|ms|b)_/);
    }
    expect(() => familyOf('column_psi')).toThrow(/metric: column_psi — use one of column_drift_score, /);
  });
});
