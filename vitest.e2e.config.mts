import { defineConfig } from 'vitest/config'

/** Browser tests against a production build (`npm run build`), one file at a time. */
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/**/*.e2e.spec.ts'],
    globalSetup: ['./test/setup/productionBuild.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    execArgv: ['--conditions=production'],
    // Test webhook receivers listen on loopback, which Yixun refuses unless the operator allows it.
    env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
  },
})
