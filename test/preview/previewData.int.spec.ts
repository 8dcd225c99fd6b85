import fs from 'node:fs/promises'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildFeed } from '@/feed/buildFeed'
import { runMediaQueue } from '@/media/mediaWorker'
import { loadPreview } from '@/preview/previewData'
import { PUBLISHABLE_COLLECTIONS, type PublishableCollection } from '@/workflow/states'

import { createApps } from '../helpers/apps'
import { act, createAs, eventData, hoursFromNow, noticeData } from '../helpers/content'
import { getRaw, postJson, uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { makeClip, scratchDir } from '../media/fixtures'
import { plainPdf, save } from '../media/pdfFixtures'
import { videoData } from '../mediaCollections/fixtures'

let yixun: TestYixun
let mediaDir: string
let clips: Awaited<ReturnType<typeof scratchDir>>

const text = (value: string) => ({ type: 'text', text: value, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const richText = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: paragraphs.map((value) => ({ type: 'paragraph', children: [text(value)], direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0 })),
  },
})

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('preview')
  yixun = await startYixun()
  clips = await scratchDir('preview-clips')
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await clips?.remove()
  await fs.rm(mediaDir, { recursive: true, force: true })
})

async function userOf(role: 'reviewer' | 'viewer' | 'editor') {
  const { docs } = await yixun.payload.find({ collection: 'users', where: { roles: { contains: role } }, limit: 1, depth: 0 })
  return docs[0]!
}

async function publish(collection: PublishableCollection, id: number | string, author: 'editor' | 'publicity' = 'editor') {
  await act(yixun, author, collection, id, 'submit')
  const { body } = await act(yixun, 'reviewer', collection, id, 'approve')
  expect(body.state).toBe('published')
}

const preview = async (collection: PublishableCollection, id: unknown, audience: 'patient' | 'doctor' = 'patient', data?: Record<string, unknown>) =>
  loadPreview(yixun.payload, { collection, id, user: await userOf('reviewer'), audience, data })

describe('the edit view’s Live Preview', () => {
  it.each([...PUBLISHABLE_COLLECTIONS])('%s opens the patient app preview of the document on phone-sized screens, and mounts the preview endpoint', (slug) => {
    const { config } = yixun.payload.collections[slug]
    const livePreview = config.admin.livePreview!
    const url = livePreview.url as (args: { data: Record<string, unknown> }) => string | null
    expect(url({ data: { id: 5 } })).toBe(`/preview/${slug}/5?audience=patient`)
    // Nothing to preview before the first save.
    expect(url({ data: {} })).toBeNull()
    expect(livePreview.breakpoints?.[0]).toMatchObject({ width: 375, height: 812 })
    expect(livePreview.breakpoints?.every((breakpoint) => Number(breakpoint.width) <= 414)).toBe(true)
    const routes = (config.endpoints || []).filter((endpoint) => endpoint.path === '/:id/preview').map((endpoint) => endpoint.method)
    expect(routes.sort()).toEqual(['get', 'post'])
  })
})

describe('the preview shows an item as the app would get it', () => {
  it('shapes a published notice exactly as the patient feed does, image and sanitised body included', async () => {
    const image = await uploadForm(yixun, 'editor', 'media', { bytes: await sharp({ create: { width: 800, height: 400, channels: 3, background: '#0f9d8a' } }).jpeg().toBuffer(), name: 'banner.jpg', type: 'image/jpeg' }, { alt: '心内科复诊' })
    expect(image.status).toBe(201)
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { placement: 'banner', image: image.body.doc.id, body: richText('复诊患者可在线续方。', '<script>alert(1)</script>') }))
    await publish('notices', notice.id)

    const shown = await preview('notices', String(notice.id))
    const { content } = await buildFeed(yixun.payload, 'patient')
    expect(shown).toMatchObject({ collection: 'notices', audience: 'patient', itemAudience: 'patient', shownInApp: true, state: 'published' })
    expect(shown!.item).toEqual({ kind: 'notice', notice: content.notices.banner.find((item) => item.id === String(notice.id)) })
    if (shown!.item.kind !== 'notice') throw new Error('not a notice')
    expect(shown!.item.notice.image?.sizes.card).toMatch(/\/api\/media\/file\//)
    expect(shown!.item.notice.bodyHtml).toContain('复诊患者可在线续方。')
    expect(shown!.item.notice.bodyHtml).not.toContain('<script')
  })

  it('shows the version under review, not the live one the apps still get', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '门诊时间调整', placement: 'list' }))
    await publish('notices', notice.id)
    await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { title: '门诊时间调整（修订）' } })
    await act(yixun, 'editor', 'notices', notice.id, 'submit')

    const shown = await preview('notices', notice.id)
    expect(shown).toMatchObject({ state: 'in_review', item: { kind: 'notice', notice: { title: '门诊时间调整（修订）' } } })
    const { content } = await buildFeed(yixun.payload, 'patient')
    expect(content.notices.list.find((item) => item.id === String(notice.id))?.title).toBe('门诊时间调整')
  })

  it('lays unsaved form values over the latest version, populated as the feed would have them', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '草稿标题' }))
    const stored = await yixun.payload.findByID({ collection: 'notices', id: notice.id, draft: true, depth: 0 })
    const shown = await preview('notices', notice.id, 'patient', { ...stored, title: '正在输入的标题', placement: 'popup', popupFrequency: 'daily', body: richText('还没保存的正文') })
    expect(shown?.item).toMatchObject({
      kind: 'notice',
      notice: { id: String(notice.id), title: '正在输入的标题', placement: 'popup', popupFrequency: 'daily', departments: [{ code: 'CARD' }] },
    })
    if (shown?.item.kind !== 'notice') throw new Error('not a notice')
    expect(shown.item.notice.bodyText).toContain('还没保存的正文')
    // Nothing was saved.
    expect((await yixun.payload.findByID({ collection: 'notices', id: notice.id, draft: true, depth: 0 })).title).toBe('草稿标题')
  })

  it('says when the item is not shown in the chosen app', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { audience: 'patient' }))
    expect(await preview('notices', notice.id, 'doctor')).toMatchObject({ audience: 'doctor', itemAudience: 'patient', shownInApp: false })
    const both = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { audience: 'both' }))
    expect(await preview('notices', both.id, 'doctor')).toMatchObject({ shownInApp: true })
  })

  it('shows an event card with its sessions in time order, as the feed shapes it', async () => {
    const event = await createAs(
      yixun,
      'editor',
      'free-clinic-events',
      await eventData(yixun, {
        announceOnHomepage: false,
        sessions: [
          { startsAt: hoursFromNow(72), endsAt: hoursFromNow(75), quota: 30 },
          { startsAt: hoursFromNow(48), endsAt: hoursFromNow(51), quota: 40 },
        ],
      }),
    )
    const shown = await preview('free-clinic-events', event.id)
    expect(shown?.item.kind).toBe('event')
    if (shown?.item.kind !== 'event') return
    expect(shown.item.event).toMatchObject({ collection: 'free-clinic-events', title: '心血管内科周六义诊', mode: 'onsite', address: '门诊大厅一楼', departments: [{ code: 'CARD' }] })
    expect(shown.item.event.sessions.map((s) => s.quota)).toEqual([40, 30])
    // A session still being typed (no end yet) does not break the live preview.
    const typing = await preview('free-clinic-events', event.id, 'patient', { ...event, sessions: [...event.sessions, { startsAt: hoursFromNow(96), endsAt: null, quota: 10 }] })
    if (typing?.item.kind !== 'event') throw new Error('not an event')
    expect(typing.item.event.sessions).toHaveLength(2)
  })

  it('plays an unpublished video from its own transcode outputs, which staff may load and others may not', async () => {
    const clip = await makeClip(`${clips.dir}/clip.mp4`, { size: '320x240', seconds: 1 })
    const upload = await uploadForm(yixun, 'editor', 'promo-videos', { file: clip, name: 'clip.mp4', type: 'video/mp4' }, await videoData(yixun))
    expect(upload.status).toBe(201)
    const video = upload.body.doc

    const queued = await preview('promo-videos', video.id)
    expect(queued?.item).toMatchObject({ kind: 'video', media: null, transcode: { status: 'queued' } })

    await runMediaQueue(yixun.payload)
    const ready = await preview('promo-videos', video.id)
    if (ready?.item.kind !== 'video') throw new Error('not a video')
    expect(ready.item).toMatchObject({ video: { collection: 'promo-videos', title: '冬季心血管健康科普', tags: ['健康科普', '心血管'] }, transcode: { status: 'ready' } })
    const media = ready.item.media!
    expect(media.hls).toMatch(/^\/api\/promo-videos\/outputs\/[^/]+\/.+\.m3u8$/)
    expect(media.mp4).toMatch(/\.mp4$/)
    expect(media.poster).toBeTruthy()

    const path = media.hls.replace(/^\/api\//, '')
    const staff = await getRaw(yixun, 'reviewer', path)
    expect(staff.status).toBe(200)
    expect(await staff.text()).toContain('#EXTM3U')
    expect((await getRaw(yixun, null, path)).status).toBe(401)
  })

  it('shows a brochure draft with its cover and PDF', async () => {
    const upload = await uploadForm(
      yixun,
      'editor',
      'brochures',
      { bytes: await save(await plainPdf(3)), name: 'hypertension.pdf', type: 'application/pdf' },
      { title: '高血压患者居家管理手册', description: '测量血压、用药和饮食。', audience: 'doctor', departments: (await noticeData(yixun)).departments },
    )
    expect(upload.status).toBe(201)
    const shown = await preview('brochures', upload.body.doc.id, 'doctor')
    if (shown?.item.kind !== 'brochure') throw new Error('not a brochure')
    expect(shown.item.brochure).toMatchObject({ collection: 'brochures', title: '高血压患者居家管理手册', description: '测量血压、用药和饮食。' })
    expect(shown.item.media).toMatchObject({ pdf: expect.stringMatching(/\/api\/brochures\/file\//), pageCount: 3 })
    expect(shown.item.media!.cover.length).toBeGreaterThan(0)
    expect((await getRaw(yixun, 'reviewer', shown.item.media!.cover[0]!.jpeg.replace(/^\/api\//, ''))).status).toBe(200)
    expect((await getRaw(yixun, null, shown.item.media!.pdf.replace(/^\/api\//, ''))).status).toBe(401)
  })
})

describe('who may see a preview', () => {
  it('gives nothing without a signed-in user, for an unknown id or an id that cannot be one', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    expect(await loadPreview(yixun.payload, { collection: 'notices', id: notice.id, user: null, audience: 'patient' })).toBeNull()
    expect(await preview('notices', yixun.payload.db.defaultIDType === 'number' ? 999999 : '65f000000000000000000000')).toBeNull()
    expect(await preview('notices', '../users/1')).toBeNull()
  })

  it('answers staff over REST (a viewer too), and refuses anonymous callers and app keys with 401', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '只给员工预览' }))
    const viewer = await getRaw(yixun, 'viewer', `notices/${notice.id}/preview?audience=doctor`)
    expect(viewer.status).toBe(200)
    expect(await viewer.json()).toMatchObject({ audience: 'doctor', shownInApp: false, item: { notice: { title: '只给员工预览' } } })

    const anonymous = await getRaw(yixun, null, `notices/${notice.id}/preview`)
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).errors[0].code).toBe('UNAUTHENTICATED')

    const { patient } = await createApps(yixun)
    const app = await getRaw(yixun, null, `notices/${notice.id}/preview`, { Authorization: `Bearer ${patient.key}` })
    expect(app.status).toBe(401)
    expect(JSON.stringify(await app.json())).not.toContain('只给员工预览')
  })

  it('takes unsaved form values by POST from staff, and refuses a body that is not form values', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun))
    const live = await postJson(yixun, 'reviewer', `notices/${notice.id}/preview?audience=patient`, { data: { ...notice, title: '实时预览' } })
    expect(live.status).toBe(200)
    expect(live.body.item.notice.title).toBe('实时预览')
    expect((await postJson(yixun, 'reviewer', `notices/${notice.id}/preview`, { data: 'x' })).status).toBe(422)
    expect((await postJson(yixun, null, `notices/${notice.id}/preview`, { data: { title: 'x' } })).status).toBe(401)
    expect((await getRaw(yixun, 'reviewer', `notices/999999/preview`)).status).toBe(404)
  })
})
