import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordAudit } from '@/audit/recordAudit'
import type { Role } from '@/auth/roles'
import { ROLES } from '@/auth/roles'

import { auditEntries, localRequest } from '../helpers/audit'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let entryId: number | string
let snapshot: string

beforeAll(async () => {
  yixun = await startYixun()
  await recordAudit(await localRequest(yixun, 'admin'), { action: 'update', collection: 'departments', documentId: 1, documentTitle: '心血管内科', changedFields: ['name'] })
  const [entry] = await auditEntries(yixun, { action: { equals: 'update' }, collectionSlug: { equals: 'departments' } })
  entryId = entry.id
  snapshot = JSON.stringify(entry)
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

/** The log as it stands, to prove a refused request changed nothing. */
const wholeLog = async () => JSON.stringify((await yixun.payload.find({ collection: 'audit-log', sort: 'createdAt', depth: 0, limit: 1000 })).docs)

const READERS: Role[] = ['admin', 'reviewer']
const NON_READERS: Role[] = ['editor', 'publicity', 'viewer']

describe('the audit log over REST is append-only', () => {
  it.each([...ROLES])('refuses %s adding, changing or removing an entry', async (role) => {
    const token = await yixun.tokenFor(role)
    const before = await wholeLog()
    const forged = { action: 'approve', collectionSlug: 'notices', documentId: '1', comment: '伪造' }

    expect((await yixun.rest.post('audit-log', { token, body: forged })).status).toBe(403)
    expect((await yixun.rest.patch(`audit-log/${entryId}`, { token, body: { comment: '改写' } })).status).toBe(403)
    expect((await yixun.rest.delete(`audit-log/${entryId}`, { token })).status).toBe(403)
    expect((await yixun.rest.patch('audit-log?where[id][exists]=true', { token, body: { comment: '改写' } })).status).toBe(403)
    expect((await yixun.rest.delete('audit-log?where[id][exists]=true', { token })).status).toBe(403)
    expect((await yixun.rest.post(`audit-log/${entryId}/duplicate`, { token })).status).toBeGreaterThanOrEqual(403)

    // Sign-ins of the demo accounts do not write entries, so the log must be byte-for-byte the same.
    expect(await wholeLog()).toBe(before)
    expect(JSON.stringify(await yixun.payload.findByID({ collection: 'audit-log', id: entryId, depth: 0 }))).toBe(snapshot)
  })

  it('answers 401 to the same attempts without credentials, and changes nothing', async () => {
    const before = await wholeLog()
    expect((await yixun.rest.get('audit-log')).status).toBe(401)
    expect((await yixun.rest.post('audit-log', { body: { action: 'create' } })).status).toBe(401)
    expect((await yixun.rest.patch(`audit-log/${entryId}`, { body: { comment: 'x' } })).status).toBe(401)
    expect((await yixun.rest.delete(`audit-log/${entryId}`)).status).toBe(401)
    expect(await wholeLog()).toBe(before)
  })

  it.each(READERS)('lets %s read the log', async (role) => {
    const response = await yixun.rest.get('audit-log', { token: await yixun.tokenFor(role) })
    expect(response.status).toBe(200)
    expect((await response.json()).docs.map((doc: { id: unknown }) => doc.id)).toContain(entryId)
    expect((await yixun.rest.get(`audit-log/${entryId}`, { token: await yixun.tokenFor(role) })).status).toBe(200)
  })

  it.each(NON_READERS)('refuses %s reading the log', async (role) => {
    const token = await yixun.tokenFor(role)
    expect((await yixun.rest.get('audit-log', { token })).status).toBe(403)
    expect((await yixun.rest.get(`audit-log/${entryId}`, { token })).status).toBe(403)
  })

  it('shows the log read-only in the admin: no create, save or delete for anyone', async () => {
    for (const role of ROLES) {
      const response = await yixun.rest.get('access', { token: await yixun.tokenFor(role) })
      expect(response.status).toBe(200)
      // The admin hides the create button and the save and delete controls for what is not granted here.
      const permissions = (await response.json()).collections['audit-log']
      expect(Boolean(permissions?.read), role).toBe(READERS.includes(role))
      expect(Boolean(permissions?.create), role).toBe(false)
      expect(Boolean(permissions?.update), role).toBe(false)
      expect(Boolean(permissions?.delete), role).toBe(false)
    }
  })
})
