import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { adminQuery, postgresAdminUri, withDatabase } from '../helpers/postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: string
    runId: string
  }
}

/**
 * Migrates one template database per engine and run; each test file clones it (a file copy on
 * SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL: ~0.1 s instead of a migration per file).
 * The migration runs in a child process: a Payload instance in this process would keep the
 * template open, and PostgreSQL refuses to clone a database that has connections.
 */
export default async function setup(project: TestProject) {
  const engine = project.config.env.YIXUN_TEST_ENGINE as string
  const runId = `${process.pid}_${Date.now().toString(36)}`
  let template: string
  let teardown: () => Promise<void>

  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-test-'))
    template = `file:${path.join(dir, 'template.db')}`
    teardown = async () => fs.rmSync(dir, { recursive: true, force: true })
  } else if (engine === 'postgres') {
    const name = `yixun_tpl_${runId}`
    await adminQuery(`create database ${name}`)
    template = withDatabase(postgresAdminUri(), name)
    teardown = async () => {
      const { rows } = await adminQuery(`select datname from pg_database where datname like $1`, [`yixun_t_${runId}_%`])
      for (const { datname } of rows) await adminQuery(`drop database if exists ${datname} with (force)`)
      await adminQuery(`drop database if exists ${name} with (force)`)
    }
  } else {
    // MongoDB needs no schema: each test file simply uses a database of its own.
    template = process.env.TEST_MONGODB_URI!
    teardown = async () => {}
  }

  if (engine !== 'mongodb') {
    execFileSync(process.execPath, ['--conditions=production', '--import', 'tsx', 'test/setup/migrateTemplate.ts'], {
      env: { ...process.env, DATABASE_URI: template, NODE_ENV: 'test', DISABLE_LOGGING: 'true', PAYLOAD_SECRET: 'yixun-test-secret' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
  }

  project.provide('databaseTemplate', template)
  project.provide('runId', runId)
  return teardown
}
