import type { DriftResult } from '../lib/drift/types';
import { APP_VERSION } from '../lib/version';

/** A safe file name from a workspace name (keeps letters, digits, dot, dash, underscore). */
export function reportFileName(workspaceName: string): string {
  const base = workspaceName.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';
  return `${base}.drift-report.html`;
}

/** Builds the self-contained HTML report in the page and saves it as a download (a blob: URL, no network). */
export async function downloadReport(result: DriftResult, workspaceName: string): Promise<void> {
  const { toHtmlReport } = await import('../lib/report/html-report');
  const html = toHtmlReport(result, { title: workspaceName, exportedAt: new Date().toISOString(), appVersion: APP_VERSION }, { document });
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = reportFileName(workspaceName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
