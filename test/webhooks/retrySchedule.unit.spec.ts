import { describe, expect, it } from 'vitest'

import { nextAttemptAt, RETRY_WINDOW_MS, retryDelay } from '@/webhooks/retrySchedule'

const SECOND = 1000
const MINUTE = 60 * SECOND

describe('the webhook retry schedule', () => {
  it('waits 30 s after the first failure, twice as long after each next one, and at most an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 30].map(retryDelay)).toEqual([30 * SECOND, 1, 2, 4, 8, 16, 32, 60, 60, 60].map((m, i) => (i === 0 ? m : m * MINUTE)))
  })

  it('keeps trying for 24 hours after the first attempt, the last try at the end of the window', () => {
    const start = new Date('2026-11-20T00:00:00Z')
    const until = new Date(start.getTime() + RETRY_WINDOW_MS)
    const attempts = [start]
    for (let next = nextAttemptAt(1, until, start); next; next = nextAttemptAt(attempts.length, until, attempts.at(-1))) attempts.push(next)
    expect(attempts).toHaveLength(31)
    expect(attempts.at(-1)).toEqual(until)
    expect(nextAttemptAt(31, until, new Date(until.getTime() + 1))).toBeNull()
  })
})
