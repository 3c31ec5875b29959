/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static export: the app is plain files, with no server code, served by any static host.
  output: 'export',
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (tsc --noEmit) before it builds; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;
