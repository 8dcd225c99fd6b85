import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server in src/server.ts logs requests and answers health probes;
  // Next only needs to know it is not the one listening.
  poweredByHeader: false,
  // Native binaries and worker files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['fluent-ffmpeg', 'pdfjs-dist', '@napi-rs/canvas', 'pdf-lib'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
