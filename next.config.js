const { outDir, prometheusOrigin } = require('./scripts/prometheus-url.cjs');

// Opt-in build settings (README "Metrics cell and live query"), checked before anything is built.
const prometheus = prometheusOrigin(process.env.DRIFTBOOK_PROMETHEUS_URL);
const out = outDir(process.env.DRIFTBOOK_OUT_DIR);

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static export: the app is plain files, with no server code, served by any static host.
  output: 'export',
  // With output 'export', a distDir other than .next names the export's folder (Next keeps its build files in .next).
  ...(out === 'out' ? {} : { distDir: out }),
  // Inlined at build time: the one origin besides its own that the page may connect to ('' = none, the default).
  env: { DRIFTBOOK_PROMETHEUS_URL: prometheus },
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (tsc --noEmit) before it builds; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;
