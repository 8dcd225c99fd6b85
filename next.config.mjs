import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server in src/server.ts logs requests and answers health probes;
  // Next only needs to know it is not the one listening.
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
