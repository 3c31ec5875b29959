import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChangeCell } from '../../../components/cells/ChangeCell';
import { ingestCsv } from '../../../lib/data/ingest';
import type { CellRecordOf } from '../../../lib/notebook';
import { changeKind, type ChangeCellConfig } from '../../../lib/notebook/kinds/change';
import { readFixture } from '../../support';

// tests/fixtures/stream-binary/detect.csv: River's DDM docstring stream, shuffled, with a time per position.
const HOSTILE = '<img src=x onerror=alert(1)>';

async function render(config: ChangeCellConfig, withResult: boolean) {
  const text = new TextDecoder().decode(readFixture('tests/fixtures/stream-binary/detect.csv')).replace(/^ts,value,error/, `ts,value,"${HOSTILE}"`);
  const dataset = await ingestCsv(new TextEncoder().encode(text), 'detect.csv');
  const result = withResult ? await changeKind.compute!({ reference: dataset }, config) : undefined;
  const cell: CellRecordOf<'change'> = {
    id: 'c1',
    workspaceId: 'w',
    order: 0,
    title: 'Change',
    inputs: {},
    status: 'ok',
    updatedAt: '2026-12-01T00:00:00.000Z',
    kind: 'change',
    config,
    ...(result ? { result } : {}),
  };
  const noop = () => undefined;
  return renderToStaticMarkup(
    createElement(ChangeCell, {
      cell,
      onRun: noop,
      onCancel: noop,
      onExport: noop,
      onConfigChange: noop,
      columns: dataset.meta.schema,
      datasets: { reference: dataset.meta },
    }),
  );
}

describe('<ChangeCell>', () => {
  it("shows the detector's parameters with River's defaults, the summary and the events, user text escaped", async () => {
    const html = await render({ column: HOSTILE, detector: 'ddm', params: { warm_start: 40 }, orderBy: 'ts' }, true);
    // Every detector to choose from, and DDM's three parameters (one set, two at their defaults as placeholders).
    expect(html.match(/<option value="(page_hinkley|adwin|kswin|ddm|eddm|hddm_a|hddm_w|cusum)"/g)).toHaveLength(8);
    expect(html).toMatch(/<input[^>]*value="40"/);
    expect(html).toMatch(/<input[^>]*placeholder="2"/);
    expect(html).toMatch(/<input[^>]*placeholder="3"/);
    expect(html).toContain('data-testid="change-summary"');
    expect(html).toContain('data-testid="change-events"');
    expect(html).toMatch(/<td>drift<\/td>/);
    expect(html).not.toContain(HOSTILE);
  });

  it('has a form and no result before the first run, and a boolean parameter as a choice', async () => {
    const html = await render({ column: 'value', detector: 'hddm_a' }, false);
    expect(html).toContain('aria-label="Change detection settings"');
    expect(html).not.toContain('change-summary');
    expect(html).toMatch(/<option value=""[^>]*>default \(false\)<\/option><option value="true">true<\/option><option value="false">false<\/option>/);
  });

  it('shows the model columns for the error sources, the Timeline settings for a metric per window, and CUSUM targets from the reference', async () => {
    const error = await render({ source: 'error', target: 'value', detector: 'ddm' }, false);
    expect(error).toMatch(/<select[^>]*aria-label="Source"/);
    for (const label of ['Target', 'Prediction', 'Score (predictions from it)', 'Threshold', 'Positive label'])
      expect(error).toContain(`aria-label="${label}"`);
    expect(error).not.toContain('aria-label="Column"');
    const abs = await render({ source: 'abs_error', detector: 'adwin' }, false);
    expect(abs).toContain('aria-label="Target"');
    expect(abs).not.toContain('aria-label="Threshold"');
    const windows = await render({ source: 'window_metric', window: { split: 'period', scalar: 'classification_accuracy' }, detector: 'adwin' }, false);
    for (const label of ['Windows', 'Period', 'Timestamp column', 'Metric per window', 'Metric target', 'Metric prediction']) {
      expect(windows).toContain(`aria-label="${label}"`);
    }
    expect(windows).not.toContain('aria-label="Order by (timestamp)"');
    const cusum = await render({ column: 'value', detector: 'cusum', params: { sigma: 2 } }, false);
    expect(cusum).toMatch(/<input[^>]*placeholder="reference mean"/);
    expect(cusum).toMatch(/<input[^>]*value="2"/);
  });
});
