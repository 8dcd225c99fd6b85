import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server in src/server.ts logs requests and answers health probes;
  // Next only needs to know it is not the one listening.
  poweredByHeader: false,
  // Development refuses its hot-reload socket (a blank admin) to any origin but localhost and
  // HOST; 127.0.0.1 is the same machine, and what the README and the tests open.
  allowedDevOrigins: ['127.0.0.1'],
  // Native binaries and worker files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['fluent-ffmpeg', 'pdfjs-dist', '@napi-rs/canvas', 'pdf-lib'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
