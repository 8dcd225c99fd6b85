import { commitTransaction, initTransaction, killTransaction, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordAudit } from '@/audit/recordAudit'
import { demoEmail } from '@/seed/users'

import { auditEntries, localRequest, userIdOf } from '../helpers/audit'
import { startYixun, TEST_PASSWORD, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const FROM_THE_WARD = {
  'x-yixun-client-ip': '10.20.30.40',
  'x-forwarded-for': '203.0.113.9, 10.0.0.1',
  'user-agent': 'Mozilla/5.0 (Windows NT 10.0) YixunTest/1.0',
}

const forDocument = (collection: string, id: number | string): Where => ({
  collectionSlug: { equals: collection },
  documentId: { equals: String(id) },
})

describe('changes to departments', () => {
  it('records who created, renamed and deleted a department, which fields changed, and from where', async () => {
    const token = await yixun.tokenFor('admin')
    const adminId = await userIdOf(yixun, 'admin')

    const created = await yixun.rest.post('departments', {
      token,
      headers: FROM_THE_WARD,
      body: { code: 'SLEEP', name: '睡眠医学科', nameEn: 'Sleep Medicine', category: 'clinical' },
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()).doc

    expect((await yixun.rest.patch(`departments/${id}`, { token, headers: FROM_THE_WARD, body: { name: '睡眠医学中心' } })).status).toBe(200)
    expect((await yixun.rest.delete(`departments/${id}`, { token, headers: FROM_THE_WARD })).status).toBe(200)

    const [deleted, updated, create] = await auditEntries(yixun, forDocument('departments', id))
    expect(create).toMatchObject({
      action: 'create',
      actor: adminId,
      actorEmail: demoEmail('admin'),
      documentTitle: '睡眠医学科',
      ip: '10.20.30.40',
      userAgent: FROM_THE_WARD['user-agent'],
      details: { forwardedFor: '203.0.113.9' },
    })
    expect([...create.changedFields!].sort()).toEqual(['active', 'category', 'code', 'name', 'nameEn'])
    expect(updated).toMatchObject({ action: 'update', actor: adminId, documentTitle: '睡眠医学中心', changedFields: ['name'] })
    expect(deleted).toMatchObject({ action: 'delete', actor: adminId, documentTitle: '睡眠医学中心', ip: '10.20.30.40' })
  })

  it('writes one entry per document of a bulk update (the skip flag never leaks between them)', async () => {
    const token = await yixun.tokenFor('admin')
    const response = await yixun.rest.patch('departments?where[code][in]=OPH,PED', { token, body: { active: false } })
    expect(response.status).toBe(200)
    const ids = (await response.json()).docs.map((doc: { id: number | string }) => String(doc.id))
    expect(ids).toHaveLength(2)
    const entries = await auditEntries(yixun, { collectionSlug: { equals: 'departments' }, documentId: { in: ids }, action: { equals: 'update' } })
    expect(entries.map((entry) => entry.documentId).sort()).toEqual([...ids].sort())
    expect(entries.every((entry) => JSON.stringify(entry.changedFields) === '["active"]')).toBe(true)
    await yixun.payload.update({ collection: 'departments', where: { code: { in: ['OPH', 'PED'] } }, data: { active: true } })
  })

  it('writes nothing for a change that was refused', async () => {
    const token = await yixun.tokenFor('admin')
    const before = (await yixun.payload.count({ collection: 'audit-log' })).totalDocs
    const duplicate = await yixun.rest.post('departments', { token, body: { code: 'CARD', name: '重复', nameEn: 'Duplicate', category: 'clinical' } })
    expect(duplicate.status).toBe(400)
    const forbidden = await yixun.rest.post('departments', { token: await yixun.tokenFor('editor'), body: { code: 'NEWX', name: '新科', nameEn: 'New', category: 'clinical' } })
    expect(forbidden.status).toBe(403)
    expect((await yixun.payload.count({ collection: 'audit-log' })).totalDocs).toBe(before)
  })

  it('leaves changes made with context.skipAudit to the caller, and records the next change again', async () => {
    const { docs } = await yixun.payload.find({ collection: 'departments', where: { code: { equals: 'GI' } } })
    const id = docs[0].id
    const req = await localRequest(yixun, 'admin')
    const context = req.context
    await yixun.payload.update({ collection: 'departments', id, data: { nameEn: 'Gastro' }, req, context: { skipAudit: true } })
    req.context = context
    await yixun.payload.update({ collection: 'departments', id, data: { nameEn: 'Gastroenterology' }, req })
    const entries = await auditEntries(yixun, { action: { equals: 'update' }, ...forDocument('departments', id) })
    expect(entries.map((entry) => entry.changedFields)).toEqual([['nameEn']])
  })
})

describe('changes to staff accounts', () => {
  it('records a role change as role_change with the roles before and after, besides the update', async () => {
    const id = await userIdOf(yixun, 'viewer')
    const response = await yixun.rest.patch(`users/${id}`, { token: await yixun.tokenFor('admin'), body: { roles: ['viewer', 'publicity'] } })
    expect(response.status).toBe(200)

    const [roleChange] = await auditEntries(yixun, { action: { equals: 'role_change' }, documentId: { equals: String(id) } })
    expect(roleChange).toMatchObject({
      collectionSlug: 'users',
      actor: await userIdOf(yixun, 'admin'),
      documentTitle: '刘洋（只读）',
      details: { from: ['viewer'], to: ['viewer', 'publicity'] },
    })
    const [update] = await auditEntries(yixun, { action: { equals: 'update' }, ...forDocument('users', id) })
    expect(update.changedFields).toEqual(['roles'])

    await yixun.payload.update({ collection: 'users', id, data: { roles: ['viewer'] } })
  })

  it('records no role change when a refused request tried one', async () => {
    const id = await userIdOf(yixun, 'editor')
    const before = await auditEntries(yixun, forDocument('users', id))
    expect((await yixun.rest.patch(`users/${id}`, { token: await yixun.tokenFor('editor'), body: { roles: ['admin'] } })).status).toBe(403)
    expect(await auditEntries(yixun, forDocument('users', id))).toEqual(before)
  })

  it('names only the fields that changed, although the response populates departments', async () => {
    const id = await userIdOf(yixun, 'editor')
    const response = await yixun.rest.patch(`users/${id}?depth=2`, { token: await yixun.tokenFor('admin'), body: { name: '张晓雨' } })
    expect(response.status).toBe(200)
    const [entry] = await auditEntries(yixun, { action: { equals: 'update' }, ...forDocument('users', id) })
    expect(entry.changedFields).toEqual(['name'])
    expect(entry.documentTitle).toBe('张晓雨')
  })

  it('notes a password change by name and never stores the password or its hash', async () => {
    const id = await userIdOf(yixun, 'publicity')
    const secret = 'a-new-secret-password-9'
    const response = await yixun.rest.patch(`users/${id}`, { token: await yixun.tokenFor('publicity'), body: { password: secret, currentPassword: TEST_PASSWORD } })
    expect(response.status).toBe(200)
    const [entry] = await auditEntries(yixun, { action: { equals: 'update' }, ...forDocument('users', id) })
    expect(entry.changedFields).toEqual(['password'])
    expect(entry.actor).toBe(id)
    const stored = await yixun.payload.findByID({ collection: 'users', id, showHiddenFields: true, depth: 0 })
    const log = JSON.stringify(await auditEntries(yixun, {}))
    expect(log).not.toContain(secret)
    expect(log).not.toContain(String((stored as { hash?: string }).hash))
  })

  it('records the deletion of an account, keeping who it was', async () => {
    const token = await yixun.tokenFor('admin')
    const created = await yixun.rest.post('users', { token, body: { email: 'temp@yixun.local', password: 'x-password-1', name: '临时账号', roles: ['viewer'] } })
    const { id } = (await created.json()).doc
    expect((await yixun.rest.delete(`users/${id}`, { token })).status).toBe(200)
    const entries = await auditEntries(yixun, forDocument('users', id))
    expect(entries.map((entry) => entry.action)).toEqual(['delete', 'create'])
    expect(entries[0].documentTitle).toBe('临时账号')
    expect([...entries[1].changedFields!].sort()).toEqual(['email', 'name', 'password', 'roles'])
  })
})

describe('recordAudit', () => {
  it('records the acting user, client address and user agent of the request', async () => {
    const req = await localRequest(yixun, 'reviewer', FROM_THE_WARD)
    await recordAudit(req, { action: 'approve', collection: 'notices', documentId: 42, documentTitle: '夏季义诊', fromState: 'in_review', toState: 'approved', comment: '同意' })
    const [entry] = await auditEntries(yixun, forDocument('notices', 42))
    expect(entry).toMatchObject({
      action: 'approve',
      actor: await userIdOf(yixun, 'reviewer'),
      actorEmail: demoEmail('reviewer'),
      fromState: 'in_review',
      toState: 'approved',
      comment: '同意',
      ip: '10.20.30.40',
      userAgent: FROM_THE_WARD['user-agent'],
    })
  })

  it('records the system as actor when there is no user, and drops secrets from details', async () => {
    await recordAudit(await localRequest(yixun, null), {
      action: 'expire',
      collection: 'notices',
      documentId: 43,
      details: { job: 'expire', token: 'abc', nested: { password: 'pw', keep: 1 } },
    })
    const [entry] = await auditEntries(yixun, forDocument('notices', 43))
    expect(entry.actor ?? null).toBeNull()
    expect(entry.actorEmail ?? null).toBeNull()
    expect(entry.ip ?? null).toBeNull()
    expect(entry.details).toEqual({ job: 'expire', nested: { keep: 1 } })
  })

  it('writes inside the caller’s transaction: rolled back with it, kept when it commits', async () => {
    const req = await localRequest(yixun, 'admin')
    expect(await initTransaction(req)).toBe(true)
    await recordAudit(req, { action: 'withdraw', collection: 'notices', documentId: 44 })
    await killTransaction(req)
    expect(await auditEntries(yixun, forDocument('notices', 44))).toEqual([])

    await initTransaction(req)
    await recordAudit(req, { action: 'withdraw', collection: 'notices', documentId: 44 })
    await commitTransaction(req)
    expect(await auditEntries(yixun, forDocument('notices', 44))).toHaveLength(1)
  })
})
