import { describe, expect, it } from 'vitest';
import { downloadName, FILE_NAME_MAX } from '../../../lib/report/file-name';

describe('downloadName', () => {
  it('caps a 500-character workspace name at 100 characters, keeping the extension whole', () => {
    const name = downloadName('Quarterly churn review '.repeat(22), '.report.html');
    expect(name.length).toBeLessThanOrEqual(FILE_NAME_MAX);
    expect(name.length).toBeGreaterThan(90);
    expect(name.endsWith('.report.html')).toBe(true);
    // The cut leaves no dangling separator before the extension.
    expect(name).not.toMatch(/[-.]\.report\.html$/);
    for (const ext of ['.results.json', '.driftbook', '.reweighing.csv']) {
      const capped = downloadName('x'.repeat(575), ext);
      expect(capped).toBe('x'.repeat(FILE_NAME_MAX - ext.length) + ext);
    }
  });

  it('keeps letters, digits, dot, dash and underscore; folds accents; no control, bidi or path character gets through', () => {
    expect(downloadName('Churn Q3 — café', '.report.html')).toBe('Churn-Q3-cafe.report.html');
    expect(downloadName('x\u202e.csv', '.driftbook')).toBe('x-.csv.driftbook');
    expect(downloadName('../../etc/passwd', '.results.json')).toBe('etc-passwd.results.json');
    expect(downloadName('a\u0000b\nc\\d', '.report.html')).toBe('a-b-c-d.report.html');
  });

  it('never makes a hidden or empty name', () => {
    expect(downloadName('.bashrc', '.report.html')).toBe('bashrc.report.html');
    expect(downloadName('東京', '.report.html')).toBe('workspace.report.html');
    expect(downloadName('', '.reweighing.csv', { fallback: 'dataset' })).toBe('dataset.reweighing.csv');
    expect(downloadName('...', '.driftbook', { fallback: '' })).toBe('file.driftbook');
  });

  it('honours a smaller cap', () => {
    expect(downloadName('abcdefghij', '.csv', { max: 8 })).toBe('abcd.csv');
  });
});
