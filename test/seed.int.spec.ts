import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLES } from '@/auth/roles'
import { seed } from '@/seed'
import { seedContent } from '@/seed/content'
import { demoEmail } from '@/seed/users'

import { startYixun, type TestYixun } from './helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun({ seeded: false })
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

describe('npm run seed', () => {
  it('loads the departments of a general hospital and one demo account per role', async () => {
    const first = await seed(yixun.payload, 'first-password', { content: false })
    expect(first.departments.created).toBeGreaterThanOrEqual(30)
    expect(first.users.created).toBe(ROLES.length)
    for (const role of ROLES) {
      const { docs } = await yixun.payload.find({ collection: 'users', where: { email: { equals: demoEmail(role) } } })
      expect(docs[0].roles).toEqual([role])
    }
  })

  it('changes nothing but passwords when run again', async () => {
    const departments = await yixun.payload.count({ collection: 'departments' })
    const second = await seed(yixun.payload, 'second-password', { content: false })
    expect(second.departments.created).toBe(0)
    expect(second.users.created).toBe(0)
    expect(await yixun.payload.count({ collection: 'departments' })).toEqual(departments)
    expect(await yixun.payload.count({ collection: 'users' })).toEqual({ totalDocs: ROLES.length })
    const login = await yixun.rest.post('users/login', { body: { email: demoEmail('reviewer'), password: 'second-password' } })
    expect(login.status).toBe(200)
  })

  it('limits the demo editor to some departments', async () => {
    const { docs } = await yixun.payload.find({ collection: 'users', where: { email: { equals: demoEmail('editor') } }, depth: 1 })
    const names = (docs[0].departments ?? []).map((d) => (typeof d === 'object' ? d.name : d))
    expect(names).toContain('心血管内科')
    expect(names.length).toBeLessThan(10)
  })

  it('loads notices and free-clinic events in every workflow state, through the real workflow, once', async () => {
    const first = await seedContent(yixun.payload)
    expect(first).toEqual({ created: 17, skipped: 0 })
    const states = async (collection: 'notices' | 'free-clinic-events') =>
      new Set((await yixun.payload.find({ collection, draft: true, limit: 100, depth: 0 })).docs.map((d) => d.workflowState))
    expect([...(await states('notices'))].sort()).toEqual(['approved', 'draft', 'expired', 'in_review', 'published', 'rejected', 'withdrawn'])
    expect([...(await states('free-clinic-events'))].sort()).toEqual(['approved', 'draft', 'in_review', 'published', 'rejected'])
    // The published cardiology free clinic announced itself on the homepage.
    const { docs } = await yixun.payload.find({ collection: 'notices', where: { title: { equals: '【义诊】心血管内科周六义诊' } } })
    expect(docs[0]).toMatchObject({ _status: 'published', workflowState: 'published', kind: 'activity' })

    expect(await seedContent(yixun.payload)).toEqual({ created: 0, skipped: 17 })
  })
})
