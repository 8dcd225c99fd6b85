import { describe, expect, it } from 'vitest'

import { addDays, isDay, shanghaiDay } from '@/content/shanghaiTime'
import { MAX_REPORTED_PROBLEMS, validateEventBatch } from '@/stats/validateEventBatch'

const now = Date.parse('2026-11-26T02:00:00Z')
const event = (overrides: Record<string, unknown> = {}) => ({
  type: 'click',
  collection: 'free-clinic-events',
  id: '65f1c0ffee0123456789abcd',
  placement: 'detail',
  platform: 'mini_program',
  at: '2026-11-25T16:30:00Z',
  deviceId: 'oT3x-9a',
  ...overrides,
})

describe('validateEventBatch', () => {
  it('gives each event its Beijing day and the feed of the app', () => {
    const result = validateEventBatch({ events: [event(), event({ at: '2026-11-25T23:59:59+08:00' })] }, { now, feeds: ['doctor'] })
    expect(result).toEqual({
      ok: true,
      batchId: undefined,
      duplicates: [],
      events: [
        { index: 0, type: 'click', collection: 'free-clinic-events', id: '65f1c0ffee0123456789abcd', placement: 'detail', platform: 'mini_program', day: '2026-11-26', audience: 'doctor' },
        expect.objectContaining({ index: 1, day: '2026-11-25' }),
      ],
    })
  })

  it('counts an event repeated identically within a batch once, and reports the repeats', () => {
    const result = validateEventBatch(
      { events: [event(), event(), event({ at: '2026-11-25T16:30:00.000Z' }), event({ deviceId: 'other-device' }), event({ type: 'impression' }), event({ at: '2026-11-25T16:30:00.001Z' })] },
      { now, feeds: ['doctor'] },
    )
    expect(result).toMatchObject({ ok: true, duplicates: [1, 2] })
    expect(result.ok && result.events.map((e) => e.index)).toEqual([0, 3, 4, 5])
  })

  it('accepts times up to ten minutes ahead and seven days back, and no further', () => {
    const at = (ms: number) => new Date(now + ms).toISOString()
    const fields = (ms: number) => {
      const result = validateEventBatch({ events: [event({ at: at(ms) })] }, { now, feeds: ['patient'] })
      return result.ok ? [] : result.problems.map((p) => p.field)
    }
    expect(fields(10 * 60_000)).toEqual([])
    expect(fields(10 * 60_000 + 1)).toEqual(['at'])
    expect(fields(-7 * 24 * 3600_000)).toEqual([])
    expect(fields(-7 * 24 * 3600_000 - 1)).toEqual(['at'])
  })

  it('speaks the caller’s language', () => {
    const bad = { events: [event({ type: 'view' })] }
    const zh = validateEventBatch(bad, { now, feeds: ['patient'] })
    const en = validateEventBatch(bad, { now, feeds: ['patient'], language: 'en' })
    expect(!zh.ok && zh.problems[0].message).toMatch(/type 必须是/)
    expect(!en.ok && en.problems[0].message).toMatch(/"type" must be one of impression \| click \| dismiss/)
  })

  it('reports at most 50 problems but counts them all', () => {
    const result = validateEventBatch({ events: Array.from({ length: 30 }, () => event({ type: 'x', platform: 'y' })) }, { now, feeds: ['patient'] })
    expect(result).toMatchObject({ ok: false, problemCount: 60 })
    expect(!result.ok && result.problems).toHaveLength(MAX_REPORTED_PROBLEMS)
  })

  it('checks an optional batch id', () => {
    expect(validateEventBatch({ batchId: 'ios-8c1f0a2b', events: [event()] }, { now, feeds: ['patient'] })).toMatchObject({ ok: true, batchId: 'ios-8c1f0a2b' })
    expect(validateEventBatch({ batchId: 'short', events: [event()] }, { now, feeds: ['patient'] })).toMatchObject({ ok: false, problems: [{ field: 'batchId' }] })
  })
})

describe('Beijing days', () => {
  it('turn at 16:00 UTC', () => {
    expect(shanghaiDay(Date.parse('2026-11-25T15:59:59.999Z'))).toBe('2026-11-25')
    expect(shanghaiDay(Date.parse('2026-11-25T16:00:00Z'))).toBe('2026-11-26')
  })

  it('are real calendar dates', () => {
    expect(isDay('2026-02-28')).toBe(true)
    expect(isDay('2026-02-29')).toBe(false)
    expect(isDay('2026-2-28')).toBe(false)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
})
