import { defineConfig } from 'vitest/config'

/**
 * One run covers every engine: the integration tests run once on SQLite and once on PostgreSQL
 * (and on MongoDB when TEST_MONGODB_URI is given). Each test file gets a database of its own,
 * cloned from a template that the global setup migrates once per engine.
 */
const integration = (engine: 'sqlite' | 'postgres' | 'mongodb') => ({
  extends: true as const,
  test: {
    name: engine,
    include: ['test/**/*.int.spec.ts'],
    env: { YIXUN_TEST_ENGINE: engine },
    globalSetup: ['./test/setup/databaseTemplate.ts'],
  },
})

const mongo = process.env.TEST_MONGODB_URI
if (!mongo) console.log('[yixun] MongoDB skipped: set TEST_MONGODB_URI=mongodb://… to run the integration tests on MongoDB too.')

export default defineConfig({
  // Vite 8 resolves tsconfig `paths` (@/…, @payload-config) itself.
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // Lexical's `node` entry points wrap the real module in a top-level await that deadlocks
    // Node 20's ESM loader about one start in two; the `production` condition picks the plain files.
    execArgv: ['--conditions=production'],
    env: {
      NODE_ENV: 'test',
      DISABLE_LOGGING: process.env.TEST_LOGGING ? 'false' : 'true',
      PAYLOAD_SECRET: 'yixun-test-secret',
      YIXUN_JOBS_AUTORUN: 'false',
      // Test webhook receivers listen on loopback, which Yixun refuses unless the operator allows it.
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.unit.spec.ts'] } },
      integration('sqlite'),
      integration('postgres'),
      ...(mongo ? [integration('mongodb')] : []),
    ],
  },
})
