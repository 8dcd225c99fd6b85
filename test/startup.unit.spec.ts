import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { payloadSecret } from '@/config/secret'
import { redactUri, resolveDatabase, StartupConfigError } from '@/db/uri'

describe('choosing the database by DATABASE_URI', () => {
  it.each([
    [undefined, 'sqlite'],
    ['', 'sqlite'],
    ['file:./data/other.db', 'sqlite'],
    ['postgres://postgres@127.0.0.1:5432/yixun', 'postgres'],
    ['postgresql://postgres@db.hospital.local/yixun', 'postgres'],
    ['mongodb://127.0.0.1:27017/yixun', 'mongodb'],
    ['mongodb+srv://cluster.hospital.local/yixun', 'mongodb'],
  ])('%s → %s', (uri, engine) => {
    expect(resolveDatabase(uri).engine).toBe(engine)
  })

  it('puts the default embedded database under data/', () => {
    expect(resolveDatabase(undefined).uri).toBe('file:./data/yixun.db')
  })

  it.each(['mysql://root@127.0.0.1/yixun', 'yixun.db', 'file:', 'postgres://'])('refuses %s naming the variable', (uri) => {
    expect(() => resolveDatabase(uri)).toThrow(StartupConfigError)
    expect(() => resolveDatabase(uri)).toThrow(/^DATABASE_URI: /)
  })

  it('never repeats a password from the URI', () => {
    expect(redactUri('postgres://yixun:s3cret@db:5432/yixun')).toBe('postgres://yixun:***@db:5432/yixun')
    expect(() => resolveDatabase('mysql://yixun:s3cret@db/yixun')).toThrow(/^(?!.*s3cret)/)
  })
})

describe('PAYLOAD_SECRET', () => {
  it('is required in production', () => {
    expect(() => payloadSecret({ NODE_ENV: 'production' })).toThrow(/^PAYLOAD_SECRET: /)
    expect(payloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'long-random' })).toBe('long-random')
  })

  it('has a development default so a first start needs no setup', () => {
    expect(payloadSecret({ NODE_ENV: 'development' })).toMatch(/development/)
  })
})

/** Starts the real server entry point and returns how it ended. */
function startServer(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '39517', ...env } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() }
}

describe('start-up with a bad environment', () => {
  it('stops with one line when DATABASE_URI names an unsupported engine', () => {
    const { status, stderr } = startServer({ NODE_ENV: 'development', DATABASE_URI: 'mysql://root@127.0.0.1/yixun' })
    expect(status).toBe(1)
    expect(stderr.split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^Yixun cannot start: DATABASE_URI: unsupported engine "mysql:"/)
  })

  it('stops with one line when the PostgreSQL server cannot be reached, without printing the password', () => {
    const { status, stderr } = startServer({ NODE_ENV: 'development', DATABASE_URI: 'postgres://yixun:s3cret@127.0.0.1:1/yixun' })
    expect(status).toBe(1)
    expect(stderr.split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^Yixun cannot start: DATABASE_URI: cannot use postgres database postgres:\/\/yixun:\*\*\*@127\.0\.0\.1:1\/yixun: .*ECONNREFUSED/)
    expect(stderr).not.toContain('s3cret')
  })

  it('stops with one line when the PostgreSQL database does not exist', () => {
    const { status, stderr } = startServer({ NODE_ENV: 'development', DATABASE_URI: 'postgres://postgres@127.0.0.1:5432/yixun_no_such_db' })
    expect(status).toBe(1)
    expect(stderr).toMatch(/^Yixun cannot start: DATABASE_URI: .*database "yixun_no_such_db" does not exist$/)
  })

  it('stops with one line when production has no PAYLOAD_SECRET', () => {
    const { status, stderr } = startServer({ NODE_ENV: 'production' })
    expect(status).toBe(1)
    expect(stderr).toMatch(/^Yixun cannot start: PAYLOAD_SECRET: not set/)
    expect(stderr.split('\n')).toHaveLength(1)
  })
})
