import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { attributionRows, explainKind } from '../../../lib/notebook/kinds/explain';
import { explainSection } from '../../../lib/report/sections/explain';
import { readFixture } from '../../support';

/**
 * The Explain cell's report section on tests/fixtures/explain-app's shap_ columns (generate_explain_app.py):
 * aggregates only — importance per side, ranks, attribution drift and the model line; no row's values.
 */

const document = parseHTML('<!doctype html><html><body></body></html>').document;
const HOSTILE = '<img src=x onerror=alert(1)>';
const DIR = 'tests/fixtures/explain-app';
const text = (file: string) => new TextDecoder().decode(readFixture(`${DIR}/${file}`));

/** The fixture with the `spend` feature (and its shap_ column) renamed to a hostile name. */
const hostile = (file: string) => ingestCsv(new TextEncoder().encode(text(file).replaceAll('spend', HOSTILE)), file);

describe('the explain report section', () => {
  it('shows importance, ranks and attribution drift; feature names escaped; no per-row values', async () => {
    const reference = await hostile('reference_shap.csv');
    const current = await hostile('current_shap.csv');
    const result = await explainKind.compute!({ reference, current }, { source: 'shap-columns', maxRows: 1000, driftMethod: 'ks' });
    const html = explainSection(result, { document }).__html;
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const rows = attributionRows(result);
    expect(rows.map((r) => r.feature)).toEqual([HOSTILE, 'tenure', 'visits']);
    // One table row per feature, the hostile one flagged as drifted.
    const page = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
    const body = Array.from(page.querySelectorAll('tbody tr'));
    expect(body).toHaveLength(3);
    expect(body[0]!.getAttribute('class')).toBe('flagged');
    expect(body[0]!.textContent).toContain('3 → 1');
    expect(html).toContain('τ of the importance ranking -0.3333');
    // Aggregates only: no row's attribution (first current row's shap_tenure) and no beeswarm/waterfall.
    const firstRow = text('current_shap.csv').split('\n')[1]!.split(',');
    expect(html).not.toContain(firstRow[5]!.slice(0, 8));
    expect(html).not.toMatch(/beeswarm|waterfall/i);
  });
});
