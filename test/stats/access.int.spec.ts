import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'

import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let rowId: number | string

const row = {
  day: '2026-11-26',
  collectionSlug: 'notices',
  itemId: '1',
  audience: 'patient',
  placement: 'banner',
  platform: 'ios',
  impressions: 12,
  clicks: 3,
  dismisses: 1,
  batch: 'compacted',
} as const

beforeAll(async () => {
  yixun = await startYixun()
  rowId = (await yixun.payload.create({ collection: 'feed-event-counts', data: row })).id
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

describe('event counts over REST', () => {
  it.each(['admin', 'reviewer', 'viewer', 'publicity'] as Role[])('can be read by %s', async (role) => {
    const response = await yixun.rest.get('feed-event-counts', { token: await yixun.tokenFor(role) })
    expect(response.status).toBe(200)
    expect((await response.json()).docs).toEqual([expect.objectContaining({ impressions: 12, clicks: 3 })])
  })

  it('are out of reach for editors (403) and for anyone not signed in (401)', async () => {
    expect((await yixun.rest.get('feed-event-counts', { token: await yixun.tokenFor('editor') })).status).toBe(403)
    expect((await yixun.rest.get(`feed-event-counts/${rowId}`, { token: await yixun.tokenFor('editor') })).status).toBe(403)
    const anonymous = await yixun.rest.get('feed-event-counts')
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).errors[0].code).toBe('UNAUTHENTICATED')
  })

  it.each(['admin', 'reviewer', 'viewer', 'publicity', 'editor'] as Role[])('cannot be written by %s, admins included', async (role) => {
    const token = await yixun.tokenFor(role)
    expect((await yixun.rest.post('feed-event-counts', { token, body: { ...row, batch: 'forged' } })).status).toBe(403)
    expect((await yixun.rest.patch(`feed-event-counts/${rowId}`, { token, body: { impressions: 9999 } })).status).toBe(403)
    expect((await yixun.rest.delete(`feed-event-counts/${rowId}`, { token })).status).toBe(403)
    expect(await yixun.payload.findByID({ collection: 'feed-event-counts', id: rowId })).toMatchObject({ impressions: 12 })
  })

  it('cannot be written anonymously (401)', async () => {
    expect((await yixun.rest.post('feed-event-counts', { body: row })).status).toBe(401)
    expect((await yixun.rest.delete(`feed-event-counts/${rowId}`)).status).toBe(401)
  })
})
