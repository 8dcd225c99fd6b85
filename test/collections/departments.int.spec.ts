import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'

import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let cardiologyId: number | string

beforeAll(async () => {
  yixun = await startYixun()
  cardiologyId = (await yixun.payload.find({ collection: 'departments', where: { code: { equals: 'CARD' } } })).docs[0].id
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const NON_ADMINS: Role[] = ['reviewer', 'editor', 'publicity', 'viewer']
const newDepartment = { code: 'SLEEP', name: '睡眠医学科', nameEn: 'Sleep Medicine', category: 'clinical' }

describe('departments over REST', () => {
  it('answers 401 to anyone not signed in, for reading and writing', async () => {
    expect((await yixun.rest.get('departments')).status).toBe(401)
    expect((await yixun.rest.post('departments', { body: newDepartment })).status).toBe(401)
  })

  it.each([...NON_ADMINS, 'admin'] as Role[])('lets %s read the department list', async (role) => {
    const response = await yixun.rest.get('departments?limit=100', { token: await yixun.tokenFor(role) })
    expect(response.status).toBe(200)
    const { docs, totalDocs } = await response.json()
    expect(totalDocs).toBeGreaterThanOrEqual(30)
    expect(docs.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['心血管内科', '消化内科', '儿科', '眼科', '检验科']))
  })

  it.each(NON_ADMINS)('refuses %s creating, renaming or deleting a department', async (role) => {
    const token = await yixun.tokenFor(role)
    expect((await yixun.rest.post('departments', { token, body: newDepartment })).status).toBe(403)
    expect((await yixun.rest.patch(`departments/${cardiologyId}`, { token, body: { name: '改名科' } })).status).toBe(403)
    expect((await yixun.rest.delete(`departments/${cardiologyId}`, { token })).status).toBe(403)
    const cardiology = await yixun.payload.findByID({ collection: 'departments', id: cardiologyId })
    expect(cardiology.name).toBe('心血管内科')
    expect((await yixun.payload.count({ collection: 'departments', where: { code: { equals: 'SLEEP' } } })).totalDocs).toBe(0)
  })

  it('lets the admin create, deactivate and delete a department', async () => {
    const token = await yixun.tokenFor('admin')
    const created = await yixun.rest.post('departments', { token, body: newDepartment })
    expect(created.status).toBe(201)
    const { doc } = await created.json()
    expect(doc).toMatchObject({ code: 'SLEEP', active: true })
    const deactivated = await yixun.rest.patch(`departments/${doc.id}`, { token, body: { active: false } })
    expect((await deactivated.json()).doc.active).toBe(false)
    expect((await yixun.rest.delete(`departments/${doc.id}`, { token })).status).toBe(200)
  })
})

describe('department validation', () => {
  it('refuses a malformed code with a message saying what a code looks like, storing nothing', async () => {
    const token = await yixun.tokenFor('admin')
    const before = await yixun.payload.count({ collection: 'departments' })
    const response = await yixun.rest.post('departments', { token, body: { ...newDepartment, code: 'sleep medicine' } })
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(JSON.stringify(body)).toMatch(/Code must start with a capital letter/)
    expect(await yixun.payload.count({ collection: 'departments' })).toEqual(before)
  })

  it('refuses a second department with an existing code', async () => {
    const token = await yixun.tokenFor('admin')
    const response = await yixun.rest.post('departments', { token, body: { ...newDepartment, code: 'CARD' } })
    expect(response.status).toBe(400)
    expect((await yixun.payload.count({ collection: 'departments', where: { code: { equals: 'CARD' } } })).totalDocs).toBe(1)
  })

  it('refuses a department without its English name', async () => {
    const token = await yixun.tokenFor('admin')
    const response = await yixun.rest.post('departments', { token, body: { code: 'SLEEP', name: '睡眠医学科', category: 'clinical' } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/nameEn/)
  })
})
