import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordAudit } from '@/audit/recordAudit'
import type { Role } from '@/auth/roles'
import type { AuditLog } from '@/payload-types'

import { localRequest, userIdOf } from '../helpers/audit'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let cardiologyId: string
let betweenActs: string
let afterActs: string

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  yixun = await startYixun()
  cardiologyId = String((await yixun.payload.find({ collection: 'departments', where: { code: { equals: 'CARD' } } })).docs[0].id)

  // The admin renames cardiology; later a reviewer approves notice 7, the scheduler expires it, and a sign-in fails.
  await yixun.rest.patch(`departments/${cardiologyId}`, { token: await yixun.tokenFor('admin'), body: { nameEn: 'Cardiovascular Medicine' } })
  await pause(20)
  betweenActs = new Date().toISOString()
  await pause(20)
  await recordAudit(await localRequest(yixun, 'reviewer'), { action: 'approve', collection: 'notices', documentId: 7, fromState: 'in_review', toState: 'approved' })
  await recordAudit(await localRequest(yixun, null), { action: 'expire', collection: 'notices', documentId: 7, fromState: 'published', toState: 'expired' })
  await yixun.rest.post('users/login', { body: { email: 'reviewer@yixun.local', password: 'not-it' } })
  await pause(20)
  afterActs = new Date().toISOString()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

/** GET /api/audit-log with a `where` query string, as the admin's list filters send it. */
async function search(role: Role, query: string): Promise<AuditLog[]> {
  const response = await yixun.rest.get(`audit-log?${query}&limit=100&depth=0`, { token: await yixun.tokenFor(role) })
  expect(response.status).toBe(200)
  return (await response.json()).docs
}

/** Sorted: entries written within the same millisecond have no defined order. */
const summary = (entries: AuditLog[]) => entries.map((entry) => `${entry.action} ${entry.collectionSlug}/${entry.documentId ?? '-'}`).sort()

describe.each(['admin', 'reviewer'] as Role[])('filtering the log as %s', (role) => {
  it('by person', async () => {
    const reviewerId = await userIdOf(yixun, 'reviewer')
    expect(summary(await search(role, `where[actor][equals]=${reviewerId}`))).toEqual(['approve notices/7'])
    const adminId = await userIdOf(yixun, 'admin')
    expect(summary(await search(role, `where[actor][equals]=${adminId}`))).toEqual([`update departments/${cardiologyId}`])
  })

  it('by the system (no person)', async () => {
    const entries = await search(role, 'where[actor][exists]=false&where[createdAt][greater_than]=' + encodeURIComponent(betweenActs))
    expect(summary(entries)).toEqual(['expire notices/7', 'login_failed users/' + (await userIdOf(yixun, 'reviewer'))])
  })

  it('by document', async () => {
    const entries = await search(role, 'where[collectionSlug][equals]=notices&where[documentId][equals]=7')
    expect(summary(entries)).toEqual(['approve notices/7', 'expire notices/7'])
    expect(summary(await search(role, `where[documentId][equals]=${cardiologyId}&where[collectionSlug][equals]=departments&where[action][not_equals]=create`))).toEqual([
      `update departments/${cardiologyId}`,
    ])
  })

  it('by action', async () => {
    expect(summary(await search(role, 'where[action][equals]=login_failed'))).toHaveLength(1)
    expect(summary(await search(role, 'where[action][in]=approve,expire'))).toEqual(['approve notices/7', 'expire notices/7'])
  })

  it('by date', async () => {
    const range = `where[createdAt][greater_than_equal]=${encodeURIComponent(betweenActs)}&where[createdAt][less_than]=${encodeURIComponent(afterActs)}`
    expect(summary(await search(role, range))).toEqual(['approve notices/7', 'expire notices/7', `login_failed users/${await userIdOf(yixun, 'reviewer')}`])
    const before = await search(role, `where[createdAt][less_than]=${encodeURIComponent(betweenActs)}&where[action][equals]=update`)
    expect(summary(before)).toContain(`update departments/${cardiologyId}`)
    expect(await search(role, `where[createdAt][greater_than]=${encodeURIComponent(afterActs)}`)).toEqual([])
  })

  it('by person, action and date together', async () => {
    const reviewerId = await userIdOf(yixun, 'reviewer')
    const query = `where[and][0][actor][equals]=${reviewerId}&where[and][1][action][equals]=approve&where[and][2][createdAt][greater_than]=${encodeURIComponent(betweenActs)}`
    expect(summary(await search(role, query))).toEqual(['approve notices/7'])
  })
})
