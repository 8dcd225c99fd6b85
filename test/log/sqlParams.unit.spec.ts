import { Writable } from 'node:stream'

import { DrizzleQueryError } from 'drizzle-orm/errors'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'

import { loggerOptions } from '@/log/logger'

/** A logger with Yixun's options writing into a string. */
function capture() {
  let output = ''
  const stream = new Writable({ write: (chunk, _encoding, done) => ((output += chunk.toString()), done()) })
  const logger = pino({ ...loggerOptions('test'), enabled: true }, stream)
  return { logger, output: () => output }
}

const failedQuery = () =>
  new DrizzleQueryError('select "id" from "users" where "users"."email" = $1 and "users"."hash" = $2', ['wang.li@hospital.example.cn', '$argon2id$v=19$secret-hash'], new Error('connection reset'))

describe('logging a failed SQL statement', () => {
  it('keeps the statement but not its parameters, however the error is logged', () => {
    const { logger, output } = capture()
    logger.error(failedQuery())
    logger.error({ err: failedQuery() }, 'query failed')
    logger.error({ err: failedQuery(), msg: failedQuery().message })
    logger.error(`Failed: ${failedQuery().message}`)
    const text = output()
    expect(text).toContain('select \\"id\\" from \\"users\\"')
    expect(text).not.toContain('wang.li@hospital.example.cn')
    expect(text).not.toContain('argon2id')
    expect(text.match(/params: \[redacted\]/g)?.length).toBeGreaterThanOrEqual(4)
  })
})
