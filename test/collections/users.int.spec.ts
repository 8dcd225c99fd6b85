import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'
import { demoEmail } from '@/seed/users'

import { startYixun, TEST_PASSWORD, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const idOf = async (role: Role) =>
  (await yixun.payload.find({ collection: 'users', where: { email: { equals: demoEmail(role) } }, depth: 0 })).docs[0].id

const NON_ADMINS: Role[] = ['reviewer', 'editor', 'publicity', 'viewer']

describe('staff accounts over REST', () => {
  it('answers 401 to a request without a token', async () => {
    const response = await yixun.rest.get('users')
    expect(response.status).toBe(401)
  })

  it('lets every role read colleagues (names show as submitter and reviewer)', async () => {
    for (const role of [...NON_ADMINS, 'admin'] as Role[]) {
      const response = await yixun.rest.get('users?limit=50', { token: await yixun.tokenFor(role) })
      expect(response.status, role).toBe(200)
      const body = await response.json()
      expect(body.totalDocs, role).toBe(5)
    }
  })

  it.each(NON_ADMINS)('refuses %s creating an account', async (role) => {
    const response = await yixun.rest.post('users', {
      token: await yixun.tokenFor(role),
      body: { email: `new-${role}@yixun.local`, password: 'x-password-1', name: '新人', roles: ['viewer'] },
    })
    expect(response.status).toBe(403)
    expect(await yixun.payload.count({ collection: 'users' })).toMatchObject({ totalDocs: 5 })
  })

  it('lets the admin create an account with roles and departments', async () => {
    const { docs } = await yixun.payload.find({ collection: 'departments', where: { code: { equals: 'OPH' } } })
    const response = await yixun.rest.post('users', {
      token: await yixun.tokenFor('admin'),
      body: { email: 'oph-editor@yixun.local', password: 'x-password-1', name: '眼科编辑', roles: ['editor'], departments: [docs[0].id] },
    })
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    expect(doc.roles).toEqual(['editor'])
    await yixun.payload.delete({ collection: 'users', id: doc.id })
  })

  it.each(NON_ADMINS)('refuses %s raising their own roles, with a 403 that says why', async (role) => {
    const id = await idOf(role)
    const response = await yixun.rest.patch(`users/${id}`, { token: await yixun.tokenFor(role), body: { roles: ['admin'] } })
    expect(response.status).toBe(403)
    const body = await response.json()
    expect(body.errors[0]).toMatchObject({ code: 'ROLE_CHANGE_FORBIDDEN', message: expect.stringMatching(/Only an administrator can change roles/) })
    const after = await yixun.payload.findByID({ collection: 'users', id })
    expect(after.roles).toEqual([role])
  })

  it('refuses an editor widening their own department scope', async () => {
    const id = await idOf('editor')
    const before = await yixun.payload.findByID({ collection: 'users', id, depth: 0 })
    const { docs } = await yixun.payload.find({ collection: 'departments', limit: 100, depth: 0 })
    const response = await yixun.rest.patch(`users/${id}`, {
      token: await yixun.tokenFor('editor'),
      body: { departments: docs.map((d) => d.id) },
    })
    expect(response.status).toBe(403)
    const after = await yixun.payload.findByID({ collection: 'users', id, depth: 0 })
    expect(after.departments).toEqual(before.departments)
  })

  it('lets staff edit their own name while re-sending their unchanged roles', async () => {
    const id = await idOf('viewer')
    const response = await yixun.rest.patch(`users/${id}`, {
      token: await yixun.tokenFor('viewer'),
      body: { name: '刘洋', roles: ['viewer'] },
    })
    expect(response.status).toBe(200)
    expect((await response.json()).doc.name).toBe('刘洋')
  })

  it.each(NON_ADMINS)('refuses %s editing or deleting a colleague', async (role) => {
    const colleague = await idOf(role === 'viewer' ? 'reviewer' : 'viewer')
    const token = await yixun.tokenFor(role)
    expect((await yixun.rest.patch(`users/${colleague}`, { token, body: { name: '改名' } })).status).toBe(403)
    expect((await yixun.rest.delete(`users/${colleague}`, { token })).status).toBe(403)
    expect((await yixun.payload.findByID({ collection: 'users', id: colleague })).name).not.toBe('改名')
  })

  it('lets the admin change another account’s roles', async () => {
    const id = await idOf('viewer')
    const token = await yixun.tokenFor('admin')
    const response = await yixun.rest.patch(`users/${id}`, { token, body: { roles: ['viewer', 'publicity'] } })
    expect(response.status).toBe(200)
    expect((await response.json()).doc.roles).toEqual(['viewer', 'publicity'])
    await yixun.payload.update({ collection: 'users', id, data: { roles: ['viewer'] } })
  })

  it('lets the admin change the admin’s own roles too (admins are trusted with their own account)', async () => {
    const id = await idOf('admin')
    const response = await yixun.rest.patch(`users/${id}`, { token: await yixun.tokenFor('admin'), body: { roles: ['admin', 'reviewer'] } })
    expect(response.status).toBe(200)
    await yixun.payload.update({ collection: 'users', id, data: { roles: ['admin'] } })
  })
})

// Sign-in locks, uniform refusals and unlocking: test/auth/signIn.int.spec.ts.

describe('first account', () => {
  it('becomes admin whatever roles were asked for', async () => {
    const { payload } = yixun
    // Simulate a new installation on this file's database: remove every account, then register.
    const { docs } = await payload.find({ collection: 'users', limit: 100, depth: 0 })
    const saved = docs.map(({ id, ...rest }) => ({ id, rest }))
    await payload.delete({ collection: 'users', where: { id: { exists: true } } })
    const response = await yixun.rest.post('users/first-register', {
      body: { email: 'founder@yixun.local', password: 'founder-password-1', name: '创始管理员', roles: ['viewer'] },
    })
    expect(response.status).toBe(200)
    const founder = (await payload.find({ collection: 'users', where: { email: { equals: 'founder@yixun.local' } } })).docs[0]
    expect(founder.roles).toEqual(['admin'])
    // A second account created afterwards keeps the roles it was given.
    const second = await payload.create({ collection: 'users', data: { email: 'second@yixun.local', password: 'x-password-1', name: '二号', roles: ['viewer'] } })
    expect(second.roles).toEqual(['viewer'])
    expect(saved.length).toBe(5)
  })
})
