import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { capReads, MAX_PAGE_SIZE } from '@/security/readCaps'

import { createAs, eventData, noticeData } from '../helpers/content'
import { startYixun, type TestYixun } from '../helpers/yixun'

/** No REST or GraphQL read returns a whole table or an endless tree of relations. */
let yixun: TestYixun
let departmentCount: number
let graphql: (query: string, token: string) => Promise<Response>

beforeAll(async () => {
  yixun = await startYixun()
  const { totalDocs } = await yixun.payload.count({ collection: 'departments' })
  for (let i = totalDocs; i < MAX_PAGE_SIZE + 5; i++) {
    await yixun.payload.create({ collection: 'departments', data: { code: `T-${i}`, name: `测试科室 ${i}`, nameEn: `Test ${i}`, category: 'clinical' }, context: { skipAudit: true } })
  }
  departmentCount = (await yixun.payload.count({ collection: 'departments' })).totalDocs
  const { default: config } = await import('@payload-config')
  const post = GRAPHQL_POST(config)
  graphql = (query, token) =>
    post(new Request('http://localhost:3000/api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` }, body: JSON.stringify({ query }) }))
})

afterAll(async () => {
  await yixun?.payload.destroy()
})

describe('a REST list', () => {
  it.each(['limit=100000', 'limit=0', 'pagination=false', 'pagination=false&limit=0'])('asked with %s answers one page of at most 100 and says there is more', async (query) => {
    const response = await yixun.rest.get(`departments?${query}`, { token: await yixun.tokenFor('admin') })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.docs).toHaveLength(MAX_PAGE_SIZE)
    expect(body).toMatchObject({ limit: MAX_PAGE_SIZE, totalDocs: departmentCount, hasNextPage: true })
  })

  it('keeps smaller pages and the default page size as asked', async () => {
    const token = await yixun.tokenFor('admin')
    expect((await (await yixun.rest.get('departments?limit=25&page=2', { token })).json()).docs).toHaveLength(25)
    expect((await (await yixun.rest.get('departments', { token })).json()).docs).toHaveLength(10)
  })

  it('of versions is capped too', async () => {
    const token = await yixun.tokenFor('admin')
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    for (let i = 0; i < 3; i++) await yixun.rest.patch(`notices/${notice.id}`, { token, body: { title: `第 ${i} 版` } })
    const body = await (await yixun.rest.get(`notices/versions?limit=0&pagination=false&where[parent][equals]=${notice.id}`, { token })).json()
    expect(body).toMatchObject({ limit: MAX_PAGE_SIZE, totalDocs: 4 })
  })

  it('populates relations at most two levels deep, whatever depth is asked', async () => {
    const token = await yixun.tokenFor('admin')
    const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun))
    const notice = await yixun.payload.create({ collection: 'notices', draft: true, data: { ...(await noticeData(yixun)), sourceEvent: event.id } as never })
    const body = await (await yixun.rest.get(`notices/${notice.id}?depth=10&draft=true`, { token })).json()
    // Level 1: the notice's event; level 2: the event's author; the author's departments would be
    // level 3 and stay ids.
    expect(body.sourceEvent).toMatchObject({ id: event.id })
    expect(body.sourceEvent.createdBy).toMatchObject({ roles: ['editor'] })
    expect(body.sourceEvent.createdBy.departments.length).toBeGreaterThan(0)
    for (const department of body.sourceEvent.createdBy.departments) expect(typeof department).not.toBe('object')
  })

  it('does not limit the Local API (feed builder, jobs, Yixun’s endpoints)', async () => {
    const { docs } = await yixun.payload.find({ collection: 'departments', pagination: false })
    expect(docs).toHaveLength(departmentCount)
  })
})

describe('a GraphQL list', () => {
  it('answers at most 100 documents however many are asked for', async () => {
    const response = await graphql('{ Departments(limit: 100000, pagination: false) { docs { id } totalDocs limit } }', await yixun.tokenFor('admin'))
    const { data } = await response.json()
    expect(data.Departments.docs).toHaveLength(MAX_PAGE_SIZE)
    expect(data.Departments.totalDocs).toBe(departmentCount)
  })

  it('refuses a query nested deeper than 6 levels before running it', async () => {
    const deep = '{ Notices { docs { sourceEvent { homepageNotices { docs { sourceEvent { homepageNotices { docs { id } } } } } } } } }'
    const response = await graphql(deep, await yixun.tokenFor('admin'))
    const body = JSON.stringify(await response.json())
    expect(body).toMatch(/at most 6 are allowed/)
    expect(body).not.toMatch(/"data"/)
  })
})

it('every collection, Payload’s own included, caps its reads', () => {
  const slugs = Object.keys(yixun.payload.collections)
  expect(slugs).toEqual(expect.arrayContaining(['payload-jobs', 'payload-locked-documents', 'payload-preferences', 'payload-migrations', 'notices', 'users']))
  for (const slug of slugs) expect(yixun.payload.collections[slug as 'notices'].config.hooks.beforeOperation, slug).toContain(capReads)
})
