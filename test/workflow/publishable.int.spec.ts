import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { canCreateContent, canDeleteContent, canUpdateContent } from '@/access/canWriteContent'
import { routeEditsThroughReview } from '@/workflow/hooks/routeEditsThroughReview'
import { trackEdits } from '@/workflow/hooks/trackEdits'
import { PUBLISHABLE_COLLECTIONS } from '@/workflow/states'

import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

describe('every publishable collection', () => {
  it.each([...PUBLISHABLE_COLLECTIONS])('%s routes saves through review, keeps the shared write access, validates drafts and mounts the workflow endpoints', (slug) => {
    const { config } = yixun.payload.collections[slug]
    expect(config.hooks.beforeOperation).toContain(routeEditsThroughReview)
    expect(config.hooks.beforeChange[0]).toBe(trackEdits)
    expect(config.access).toMatchObject({ create: canCreateContent, update: canUpdateContent, delete: canDeleteContent })
    expect(config.versions).toMatchObject({ drafts: { validate: true } })
    const workflowRoutes = (config.endpoints || []).filter((endpoint) => endpoint.path === '/:id/workflow').map((endpoint) => endpoint.method)
    expect(workflowRoutes.sort()).toEqual(['get', 'post'])
  })

  it.each([...PUBLISHABLE_COLLECTIONS])('%s may not be created by a viewer or a reviewer (403)', async (slug) => {
    for (const role of ['viewer', 'reviewer'] as const) {
      const response = await yixun.rest.post(slug, { token: await yixun.tokenFor(role), body: { title: '无权创建' } })
      expect(response.status).toBe(403)
    }
    expect((await yixun.payload.count({ collection: slug, where: { title: { equals: '无权创建' } } })).totalDocs).toBe(0)
  })

  it.each([...PUBLISHABLE_COLLECTIONS])('%s refuses a direct publish from the Local API', async (slug) => {
    await expect(yixun.payload.create({ collection: slug, data: { title: '直接发布', _status: 'published' } as never })).rejects.toMatchObject({ status: 403 })
  })
})
