import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Driftbook — ML monitoring in your browser',
  description: 'Data drift, model quality and fairness reports computed entirely in your browser. Your data never leaves it.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// The one other origin a build may name (DRIFTBOOK_PROMETHEUS_URL, validated by next.config.js): the Metrics cell's live query.
const PROMETHEUS = process.env.DRIFTBOOK_PROMETHEUS_URL ?? '';

// The app may only talk to its own origin: no analytics, no fonts, no APIs (unless the build names Prometheus). (Dev mode needs eval.)
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  PROMETHEUS ? `connect-src 'self' ${PROMETHEUS}` : "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {process.env.NODE_ENV === 'production' ? <meta httpEquiv="Content-Security-Policy" content={CSP} /> : null}
        <meta name="referrer" content="no-referrer" />
      </head>
      <body>{children}</body>
    </html>
  );
}
