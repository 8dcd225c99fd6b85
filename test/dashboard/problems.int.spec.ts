import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'
import type { Dashboard } from '@/dashboard/dashboardFor'
import type { Problem } from '@/dashboard/problems'
import { mediaDirs } from '@/media/mediaConfig'
import { runMediaQueue } from '@/media/mediaWorker'

import { act, createAs, noticeData } from '../helpers/content'
import { postJson, uploadForm, useScratchMediaDir } from '../helpers/upload'
import { createWebhookApp, deliveriesOf, makeWebhookRetriesDue, runQueue, startReceiver, type TestReceiver } from '../helpers/webhooks'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { makeClip, scratchDir } from '../media/fixtures'
import { transcodesOf, videoData } from '../mediaCollections/fixtures'

let yixun: TestYixun
let mediaDir: string
let clips: { dir: string; remove: () => Promise<void> }
let backend: TestReceiver

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('dashboard')
  yixun = await startYixun()
  clips = await scratchDir('dashboard-clips')
  await makeClip(path.join(clips.dir, 'clip.mp4'), { size: '320x240', seconds: 1 })
  backend = await startReceiver()
  await createWebhookApp(yixun.payload, { name: '患者端后台', feeds: ['patient'], webhookUrl: backend.url })
})

// Each test starts with no webhook retry waiting: an earlier test's delivery must not take this test's answers.
beforeEach(async () => {
  await yixun.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: 'deliverWebhook' } } })
  backend.received.length = 0
})

afterAll(async () => {
  await backend?.close()
  await yixun?.payload.destroy().catch(() => {})
  await clips?.remove()
  await fs.rm(mediaDir, { recursive: true, force: true })
})

async function dashboardOf(role: Role): Promise<Dashboard> {
  const response = await yixun.rest.get('dashboard', { token: await yixun.tokenFor(role) })
  expect(response.status).toBe(200)
  return response.json()
}

/** Presses a problem's retry button: POSTs its URL as the role (or anonymously). */
const pressRetry = (problem: Problem, role: Role | null) => postJson(yixun, role, problem.retry.url.replace(/^\/api\//, ''))

const problemWithId = (problems: Problem[], id: number | string) => problems.find((problem) => String(problem.id) === String(id))

describe('failed transcodes', () => {
  /** A video whose uploaded source got cut short on disk, so its transcode fails. */
  async function videoWithFailedTranscode() {
    const upload = await uploadForm(yixun, 'publicity', 'promo-videos', { file: path.join(clips.dir, 'clip.mp4'), type: 'video/mp4' }, await videoData(yixun, { title: '转码会失败的视频' }))
    expect(upload.status).toBe(201)
    const video = upload.body.doc as { id: number | string; filename: string }
    const source = path.join(mediaDirs().videoSources, video.filename)
    const bytes = await fs.readFile(source)
    await fs.writeFile(source, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await runMediaQueue(yixun.payload)
    const [transcode] = await transcodesOf(yixun.payload, video.id)
    expect(transcode.status).toBe('failed')
    return { video, transcode, restore: () => fs.writeFile(source, bytes) }
  }

  it('shows publicity and admins what went wrong, and its retry queues the transcode again', async () => {
    const { video, transcode, restore } = await videoWithFailedTranscode()

    const problem = problemWithId((await dashboardOf('publicity')).problems.transcodes, transcode.id)!
    expect(problem).toMatchObject({
      kind: 'transcode',
      collection: 'video-transcodes',
      title: '转码会失败的视频',
      detail: 'VIDEO_TRUNCATED',
      href: `/admin/collections/promo-videos/${video.id}`,
      retry: { method: 'POST', url: `/api/promo-videos/${video.id}/transcode/retry` },
    })
    expect(problem.reason.zh).toMatch(/^转码失败：/)
    expect(problem.reason.en).toMatch(/^Transcoding failed: The video file is incomplete/)
    expect(problem.at).toBe(transcode.finishedAt)
    expect(problemWithId((await dashboardOf('admin')).problems.transcodes, transcode.id)).toBeDefined()
    for (const role of ['reviewer', 'editor', 'viewer'] as const) expect((await dashboardOf(role)).problems.transcodes, role).toEqual([])

    await restore()
    const retried = await pressRetry(problem, 'publicity')
    expect(retried).toMatchObject({ status: 200, body: { status: 'queued', attempt: 2 } })
    expect((await transcodesOf(yixun.payload, video.id))[0]).toMatchObject({ id: transcode.id, status: 'queued', attempt: 2 })
    expect(problemWithId((await dashboardOf('publicity')).problems.transcodes, transcode.id)).toBeUndefined()

    await runMediaQueue(yixun.payload)
    expect((await transcodesOf(yixun.payload, video.id))[0]).toMatchObject({ status: 'ready' })
  })

  it('refuses the retry to a reviewer (403) and to an anonymous caller (401)', async () => {
    const { video, transcode } = await videoWithFailedTranscode()
    const problem = problemWithId((await dashboardOf('admin')).problems.transcodes, transcode.id)!
    expect(await pressRetry(problem, 'reviewer')).toMatchObject({ status: 403, body: { errors: [{ code: 'WORKFLOW_ROLE_FORBIDDEN' }] } })
    expect(await pressRetry(problem, null)).toMatchObject({ status: 401, body: { errors: [{ code: 'UNAUTHENTICATED' }] } })
    expect((await transcodesOf(yixun.payload, video.id))[0]).toMatchObject({ status: 'failed', attempt: 1 })
  })
})

describe('webhook deliveries that keep failing', () => {
  /** A live notice whose delivery to the app backend has failed `failures` times in a row. */
  async function failingDelivery(failures: number) {
    backend.answerWith(...Array(failures).fill(500))
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '推送失败的公告' }))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
    await runQueue(yixun.payload)
    for (let attempt = 2; attempt <= failures; attempt++) {
      await makeWebhookRetriesDue(yixun.payload)
      await runQueue(yixun.payload)
    }
    const [delivery] = await deliveriesOf(yixun.payload, 'notices', notice.id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: failures })
    return { noticeId: notice.id, delivery }
  }

  it('shows admins a delivery that failed three times, and its redeliver reaches the app', async () => {
    const { noticeId, delivery } = await failingDelivery(3)

    const problem = problemWithId((await dashboardOf('admin')).problems.webhooks, delivery.id)!
    expect(problem).toMatchObject({
      kind: 'webhook',
      collection: 'webhook-deliveries',
      attempts: 3,
      href: `/admin/collections/webhook-deliveries/${delivery.id}`,
      retry: { method: 'POST', url: `/api/webhook-deliveries/${delivery.id}/redeliver` },
    })
    expect(problem.title).toContain('患者端后台')
    expect(problem.reason.zh).toContain('HTTP 500')
    expect(problem.reason.en).toContain('failed 3 times in a row')
    for (const role of ['reviewer', 'editor', 'publicity', 'viewer'] as const) expect((await dashboardOf(role)).problems.webhooks, role).toEqual([])

    expect(await pressRetry(problem, 'admin')).toMatchObject({ status: 202, body: { id: delivery.id, status: 'pending' } })
    await runQueue(yixun.payload)

    expect(backend.received.map((request) => request.status)).toEqual([500, 500, 500, 200])
    expect(backend.received.at(-1)!.headers['webhook-id']).toBe(delivery.eventId)
    expect((await deliveriesOf(yixun.payload, 'notices', noticeId))[0]).toMatchObject({ status: 'succeeded', attempts: 4 })
    expect(problemWithId((await dashboardOf('admin')).problems.webhooks, delivery.id)).toBeUndefined()
  })

  it('shows a delivery the outbox gave up on', async () => {
    const { noticeId, delivery } = await failingDelivery(1)
    await yixun.payload.update({ collection: 'webhook-deliveries', id: delivery.id, data: { retryUntil: new Date(Date.now() - 1000).toISOString() } })
    backend.answerWith(500)
    await makeWebhookRetriesDue(yixun.payload)
    await runQueue(yixun.payload)
    expect((await deliveriesOf(yixun.payload, 'notices', noticeId))[0]).toMatchObject({ status: 'dead', attempts: 2 })

    const problem = problemWithId((await dashboardOf('admin')).problems.webhooks, delivery.id)!
    expect(problem.reason.en).toMatch(/^Gave up delivering to "患者端后台"/)
  })

  it('keeps quiet about a delivery that failed once and is being retried', async () => {
    const { delivery } = await failingDelivery(1)
    expect(problemWithId((await dashboardOf('admin')).problems.webhooks, delivery.id)).toBeUndefined()
  })

  it('refuses the redeliver to anyone but an admin', async () => {
    const { noticeId, delivery } = await failingDelivery(3)
    const problem = problemWithId((await dashboardOf('admin')).problems.webhooks, delivery.id)!
    expect(await pressRetry(problem, 'publicity')).toMatchObject({ status: 403, body: { errors: [{ code: 'FORBIDDEN' }] } })
    expect(await pressRetry(problem, null)).toMatchObject({ status: 401, body: { errors: [{ code: 'UNAUTHENTICATED' }] } })
    expect((await deliveriesOf(yixun.payload, 'notices', noticeId))[0]).toMatchObject({ status: 'failed', attempts: 3 })
  })
})
