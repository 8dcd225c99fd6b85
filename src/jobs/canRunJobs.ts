import { timingSafeEqual } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { setting } from '@/config/settings'

/**
 * Guards GET /api/payload-jobs/run for an external cron: `Authorization: Bearer <CRON_SECRET>`.
 * With no secret configured nobody may call it (else "Bearer undefined" would match).
 */
export function canRunJobs({ req }: { req: PayloadRequest }): boolean {
  const secret = setting('CRON_SECRET')
  if (!secret) return false
  const given = Buffer.from(req.headers.get('authorization') ?? '')
  const expected = Buffer.from(`Bearer ${secret}`)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
