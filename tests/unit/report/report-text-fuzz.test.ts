/**
 * Property tests: random Unicode (bidi controls, C0/C1 controls, separators, markup characters,
 * right-to-left letters, astral characters) in every name of a workspace → the HTML report shows
 * each name escaped and isolated, with no raw control anywhere; notes never load anything.
 * `FUZZ_RUNS=500 npm run fuzz` runs longer than `npm test` does.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { visibleControls } from '../../../lib/format';
import { html, userText } from '../../../lib/report/escape';
import { renderMarkdown } from '../../../lib/report/markdown';
import { toWorkspaceReport } from '../../../lib/report/workspace-report';
import { BIDI_CONTROLS, expectIsolated, hostileWorkspace, rawControls } from './hostile-text';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
// A whole report (drift with charts, quality, fairness, a note) takes 0.25–0.4 s here: one per 25 runs of the cheap properties.
const REPORT_RUNS = Math.max(12, Math.ceil(RUNS / 25));
const TIMEOUT = 30_000 + RUNS * 20 + REPORT_RUNS * 1_500;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = (runs: number) => ({ numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) });

const SPECIAL = [
  ...BIDI_CONTROLS,
  ...['\u200b', '\u2060', '\ufeff', '\u2028', '\u2029', '\u0000', '\u0007', '\u001b', '\u0085', '\u009b', '\t', '\n', '\r'],
  ...['<', '>', '&', '"', "'", '`', '⟨', '⟩', '\\', '/', ',', ';', '=', ' ', '#', '*', '[', ']', '(', ')', '!'],
  ...['א', 'ب', 'ש', '١', '😀', '\u0301', '\u200d', '\u200c'],
];
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcxyz.-_019') },
);
const hostile = (maxLength = 16) => fc.string({ unit, maxLength });
// Text inside the CSV: a NUL byte makes it a binary file (refused as such, tested in lib/data).
const inCsv = (maxLength = 16) => hostile(maxLength).map((s) => s.split('\u0000').join(''));
const links = fc.constantFrom(
  '![a](https://tracker.example/p.png)',
  '[b](//evil.example/x)',
  '<//evil.example>',
  '//evil.example/y',
  '![c](data:image/png;base64,AA)',
  '[d](https://ok.example)',
);
const markdown = fc.array(fc.oneof(hostile(24), links), { maxLength: 6 }).map((parts) => parts.join(' '));

describe('random Unicode in user strings', () => {
  it('userText and the html tag never let a raw control or markup through', () => {
    fc.assert(
      fc.property(hostile(40), (text) => {
        const isolated = userText(text).__html;
        expect(isolated).toMatch(/^<bdi>[^<>]*<\/bdi>$/);
        expect(rawControls(isolated)).toEqual([]);
        const { document } = parseHTML(`<p>${isolated}</p>`);
        expect(document.querySelector('bdi')?.textContent).toBe(visibleControls(text));
        // Elsewhere (attributes, <pre>) lines are kept, every other control shown.
        const attr = html`<p title="${text}">${text}</p>`.__html;
        expect(rawControls(attr)).toEqual([]);
        expect(attr.split('<').length).toBe(3);
      }),
      params(RUNS),
    );
  });

  it('notes render no image, no protocol-relative link and no raw control', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const out = renderMarkdown(text);
        expect(rawControls(out)).toEqual([]);
        const { document } = parseHTML(`<div>${out}</div>`);
        expect(document.querySelectorAll('img, script, iframe, [src], [style]')).toHaveLength(0);
        for (const a of document.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').toMatch(/^(https?:|mailto:)/i);
      }),
      params(RUNS),
    );
  });

  it(
    'a workspace report shows every name escaped and isolated',
    async () => {
      const columns = fc.record({
        numeric: inCsv(),
        category: inCsv(),
        target: inCsv(),
        prediction: inCsv(),
        score: inCsv(),
        group: inCsv(),
        latency: inCsv(),
        time: inCsv(),
        price: inCsv(),
        pricePred: inCsv(),
      });
      // Values start with a letter so they stay categories (not numbers, not a missing-value token).
      const values = fc.uniqueArray(inCsv(), { minLength: 2, maxLength: 4 }).map((vs) => vs.map((v) => `v${v}`));
      const workspace = fc.record({
        title: hostile(40),
        datasetNames: fc.tuple(hostile(), hostile()),
        columns,
        categories: values,
        groups: values,
        cellTitle: hostile(),
        segment: hostile(),
        note: markdown,
      });
      await fc.assert(
        fc.asyncProperty(workspace, async (spec) => {
          const built = await hostileWorkspace({ ...spec, kinds: ['drift', 'quality', 'note', 'fairness'], rows: 12 });
          const report = await toWorkspaceReport(built.input, { document: parseHTML('<!doctype html><html><body></body></html>').document });
          expectIsolated(report, built.names);
        }),
        params(REPORT_RUNS),
      );
    },
    TIMEOUT,
  );
});
