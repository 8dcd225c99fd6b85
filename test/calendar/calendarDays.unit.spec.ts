import { describe, expect, it } from 'vitest'

import { beijingDay, beijingTime, stepAnchor, visibleDays, weekdayIndex } from '@/calendar/calendarDays'

describe('calendar days', () => {
  it('starts weeks on Monday and shows a month as whole weeks', () => {
    // March 2027 begins on a Monday and ends on a Wednesday.
    const march = visibleDays('month', '2027-03-17')
    expect(march[0]).toBe('2027-03-01')
    expect(march.at(-1)).toBe('2027-04-04')
    expect(march).toHaveLength(35)
    // November 2026 begins on a Sunday: the grid opens on the Monday before.
    const november = visibleDays('month', '2026-11-26')
    expect([november[0], november.at(-1), november.length]).toEqual(['2026-10-26', '2026-12-06', 42])
    expect(november.every((day, index) => weekdayIndex(day) === index % 7)).toBe(true)
  })

  it('shows the Monday-to-Sunday week of a day, and steps by weeks and months', () => {
    expect(visibleDays('week', '2026-11-26')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    expect(stepAnchor('week', '2026-12-29', 1)).toBe('2027-01-05')
    expect(stepAnchor('month', '2026-01-31', 1)).toBe('2026-02-01')
    expect(stepAnchor('month', '2026-01-15', -1)).toBe('2025-12-01')
  })

  it('reads times in Beijing time, whatever the machine zone', () => {
    expect(beijingTime('2027-03-01T15:30:00.000Z')).toBe('23:30')
    expect(beijingDay('2027-03-01T15:30:00.000Z')).toBe('2027-03-01')
    expect(beijingDay('2027-03-01T16:00:00.000Z')).toBe('2027-03-02')
    expect(beijingTime('2027-03-01T16:00:00.000Z')).toBe('00:00')
  })
})
