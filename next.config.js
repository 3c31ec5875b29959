/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static export: the app is plain files, with no server code, served by any static host.
  output: 'export',
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
};

module.exports = nextConfig;
