import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

import { inject } from 'vitest'

import { sqliteFilePath } from '@/db/uri'

import { adminQuery, withDatabase } from './postgres'

export type TestEngine = 'sqlite' | 'postgres' | 'mongodb'

export const testEngine = () => (process.env.YIXUN_TEST_ENGINE || 'sqlite') as TestEngine

/** A new database with the current schema, for one test file. */
export async function freshDatabaseUri(): Promise<string> {
  const template = inject('databaseTemplate')
  const name = `yixun_t_${inject('runId')}_${randomBytes(4).toString('hex')}`
  switch (testEngine()) {
    case 'sqlite': {
      const file = path.join(path.dirname(sqliteFilePath(template)), `${name}.db`)
      fs.copyFileSync(sqliteFilePath(template), file)
      return `file:${file}`
    }
    case 'postgres': {
      const templateName = new URL(template).pathname.slice(1)
      await adminQuery(`create database ${name} template ${templateName}`)
      return withDatabase(template, name)
    }
    case 'mongodb':
      return withDatabase(template, name)
  }
}
