import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { visibleControls } from '../../../lib/format';
import { toWorkspaceReport } from '../../../lib/report/workspace-report';
import { BIDI_CONTROLS, expectIsolated, hostileWorkspace, type HostileColumns } from './hostile-text';

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;

// One control per name, in varied places, so every control appears in every kind of string.
const [LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM] = BIDI_CONTROLS as [string, ...string[]];
const COLUMNS: HostileColumns = {
  numeric: `age${RLO}.csv`,
  category: `city${LRI}`,
  target: `y${LRE}`,
  prediction: `pred${RLE}x${PDF}`,
  score: `score${LRM}`,
  group: `sex${FSI}`,
  latency: `latency${RLM}`,
  time: `${RLI}ts`,
  price: `price${LRO}`,
  pricePred: `price_pred${ALM}`,
};
const CATEGORIES = [`Par${RLO}is`, `${RLI}Rome${PDI}`, `Ber${RLM}lin`, `Os${ALM}lo`, `Ma${LRE}drid${PDF}`];
const GROUPS = [`f${RLO}`, `m${PDI}`];

describe('a workspace report whose every name holds bidi controls', () => {
  it('shows no raw control anywhere and every name isolated in its visible form, in every kind of section', async () => {
    const workspace = await hostileWorkspace({
      title: `Churn ${RLO}gpj.exe`,
      datasetNames: [`train${RLO}vsc.exe`, `prod${LRI}.csv`],
      columns: COLUMNS,
      categories: CATEGORIES,
      groups: GROUPS,
      cellTitle: `Check ${RLE}this${PDF}`,
      segment: `d => d['city${LRI}'] !== 'Par${RLO}is'`,
      note: `# Read ${RLO}me\n\nA [link${RLI}](https://example.org/${RLO}) and ${ALM}text.`,
    });
    expect(workspace.input.cells.map((c) => c.kind)).toEqual([
      'drift',
      'column',
      'quality',
      'note',
      'chart',
      'classification',
      'regression',
      'operational',
      'estimated',
      'fairness',
      'timeline',
      'change',
      'metrics',
      'validation',
      'comparison',
      'abtest',
      'value',
      'multivariate',
      'explain',
    ]);
    expect(workspace.input.cells.filter((c) => c.kind !== 'note' && c.result === undefined)).toEqual([]);
    const html = await toWorkspaceReport(workspace.input, { document: newDocument() });
    expectIsolated(html, workspace.names);

    const { document } = parseHTML(html);
    expect(document.querySelector('title')?.textContent).toBe('Churn ⟨U+202E⟩gpj.exe');
    expect(document.querySelector('h1 bdi')?.textContent).toBe('Churn ⟨U+202E⟩gpj.exe');
    // The classic spoof reads as what it is.
    expect(document.querySelector('#manifest td.col-name bdi')?.textContent).toBe('train⟨U+202E⟩vsc.exe');
    // Chart text (tick labels, keys, tooltips) comes from the data: the categories show their controls there.
    const chartText = [...document.querySelectorAll('svg text, svg title')].map((t) => t.textContent).join('\n');
    for (const category of CATEGORIES.slice(0, 3)) expect(chartText).toContain(visibleControls(category));
    expect(chartText).toContain(visibleControls(COLUMNS.numeric));
    // Group names in the fairness tables and the note's text and link label.
    const groups = [...document.querySelector('[data-testid="fairness-groups"]')!.querySelectorAll('td.col-name')].map((td) => td.textContent);
    expect(groups.sort()).toEqual(GROUPS.map((g) => visibleControls(g)).sort());
    const note = document.querySelector('.markdown')!;
    expect(note.querySelector('h1')?.textContent).toBe('Read ⟨U+202E⟩me');
    expect(note.querySelector('a')?.textContent).toBe('link⟨U+2067⟩');
  });
});
