import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { forgetFfmpegLocation } from '@/media/ffmpegBinaries'
import { mediaDirs } from '@/media/mediaConfig'
import { runMediaQueue } from '@/media/mediaWorker'
import { publishedVideoMedia } from '@/media/publishedMedia'
import { cancelTranscode } from '@/media/transcodes'
import { handleVideoOutputRequest } from '@/media/videoOutputs'

import { act, departmentId } from '../helpers/content'
import { filesUnder, getRaw, postJson, uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { childProcesses, ffprobeJson, makeClip, scratchDir, topLevelBoxes } from '../media/fixtures'
import { waitFor } from '../helpers/wait'
import { makeVideoFixtures, transcodesOf, videoData } from './fixtures'

let yixun: TestYixun
let mediaDir: string
let fixture: (name: string) => string
let removeClips: () => Promise<void>

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('videos')
  process.env.YIXUN_TRANSCODE_PROGRESS_MS = '100'
  yixun = await startYixun()
  const clips = await scratchDir('video-clips')
  removeClips = clips.remove
  fixture = await makeVideoFixtures(clips.dir)
  await makeClip(fixture('hd.mp4'), { size: '1280x720', seconds: 3 })
})

// Each test starts with an empty media queue: what an earlier test left queued is cancelled.
beforeEach(async () => {
  const { docs } = await yixun.payload.find({ collection: 'video-transcodes', where: { status: { equals: 'queued' } }, depth: 0, pagination: false })
  for (const record of docs) await cancelTranscode(yixun.payload, record)
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await removeClips?.()
  await fs.rm(mediaDir, { recursive: true, force: true })
})

async function upload(name = 'good.mp4', overrides: Record<string, unknown> = {}, sentAs = name) {
  const response = await uploadForm(yixun, 'editor', 'promo-videos', { file: fixture(name), name: sentAs, type: 'video/mp4' }, await videoData(yixun, overrides))
  if (response.status !== 201) throw new Error(`upload ${name}: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.doc as { id: number | string; filename: string } & Record<string, any>
}

const statusOf = async (id: number | string) => (await (await getRaw(yixun, 'editor', `promo-videos/${id}/transcode`)).json()) as Record<string, any>

async function readyVideo(overrides: Record<string, unknown> = {}) {
  const video = await upload('good.mp4', overrides)
  await runMediaQueue(yixun.payload)
  expect((await statusOf(video.id)).status).toBe('ready')
  return video
}

async function publishedVideo() {
  const video = await readyVideo()
  await act(yixun, 'editor', 'promo-videos', video.id, 'submit')
  const approved = await act(yixun, 'reviewer', 'promo-videos', video.id, 'approve')
  expect(approved.body.state).toBe('published')
  return video
}

/** Everything an upload could leave behind: documents, transcodes, jobs and files. */
async function leftovers() {
  const [videos, transcodes, jobs, sources, uploads] = await Promise.all([
    yixun.payload.count({ collection: 'promo-videos' }),
    yixun.payload.count({ collection: 'video-transcodes' }),
    yixun.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'transcodeVideo' } } }),
    filesUnder(mediaDirs().videoSources),
    filesUnder(mediaDirs().uploads),
  ])
  return { videos: videos.totalDocs, transcodes: transcodes.totalDocs, jobs: jobs.totalDocs, sources, uploads }
}

describe('uploading a promo video', () => {
  it('accepts an MP4, stores what ffprobe read, and only queues the transcode', async () => {
    const video = await upload()
    expect(video.mimeType).toBe('video/mp4')
    expect(video.filesize).toBe((await fs.stat(fixture('good.mp4'))).size)
    expect(video.source).toEqual({ durationSeconds: 2, width: 320, height: 240 })
    expect(video.workflowState).toBe('draft')

    const status = await statusOf(video.id)
    expect(status).toMatchObject({ status: 'queued', progress: 0, urls: null })
    const [job] = (await yixun.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'transcodeVideo' } }, sort: '-createdAt', limit: 1 })).docs
    expect(job).toMatchObject({ queue: 'media', input: { transcodeId: String(status.id) } })
    // Nothing was transcoded inside the request.
    expect(await filesUnder(path.join(mediaDirs().videoOutputs, String(status.id)))).toEqual([])
  })

  it('turns a 1280×720 clip into a fast-start 720p MP4, HLS 360p + 720p and a poster in sizes, with progress up to 100', async () => {
    const video = await upload('hd.mp4')
    const seen: number[] = []
    let done = false
    const watching = (async () => {
      while (!done) {
        const [record] = await transcodesOf(yixun.payload, video.id)
        if (record?.status === 'processing' && !seen.includes(record.progress ?? 0)) seen.push(record.progress ?? 0)
        await new Promise((resolve) => setTimeout(resolve, 30))
      }
    })()
    expect(await runMediaQueue(yixun.payload)).toBe(1)
    done = true
    await watching

    const status = await statusOf(video.id)
    expect(status).toMatchObject({ status: 'ready', progress: 100, error: null, output: { durationSeconds: 3, width: 1280, height: 720 } })
    expect(status.output.sizeBytes).toBeGreaterThan(0)
    expect(seen.some((percent) => percent > 0 && percent < 100)).toBe(true)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)

    const outDir = path.join(mediaDirs().videoOutputs, String(status.id))
    expect(await filesUnder(outDir)).toEqual(
      expect.arrayContaining(['video-720p.mp4', 'hls/master.m3u8', 'hls/720p/index.m3u8', 'hls/360p/index.m3u8', 'poster.jpg', 'poster.webp', 'poster-320.jpg', 'poster-320.webp', 'poster-640.webp']),
    )
    const mp4 = await ffprobeJson<{ streams: Array<Record<string, any>>; format: Record<string, any> }>(path.join(outDir, 'video-720p.mp4'))
    expect(mp4.streams.map((stream) => stream.codec_name).sort()).toEqual(['aac', 'h264'])
    expect(mp4.streams.find((stream) => stream.codec_type === 'video')).toMatchObject({ width: 1280, height: 720 })
    const boxes = await topLevelBoxes(path.join(outDir, 'video-720p.mp4'))
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'))

    const master = await fs.readFile(path.join(outDir, 'hls/master.m3u8'), 'utf8')
    expect(master).toContain('RESOLUTION=640x360')
    expect(master).toContain('RESOLUTION=1280x720')
    for (const rendition of ['360p', '720p']) {
      const playlist = await ffprobeJson<{ streams: Array<Record<string, any>> }>(path.join(outDir, `hls/${rendition}/index.m3u8`))
      expect(playlist.streams.find((stream) => stream.codec_type === 'video')?.height).toBe(rendition === '360p' ? 360 : 720)
    }
    const poster = await ffprobeJson<{ streams: Array<Record<string, any>> }>(path.join(outDir, 'poster-320.webp'))
    expect(poster.streams[0]).toMatchObject({ width: 320, height: 180 })
  })

  it.each([
    ['a JPEG renamed .mp4', 'photo-renamed.mp4', 415, 'VIDEO_CONTAINER_NOT_ALLOWED'],
    ['a text file renamed .mp4', 'notes.mp4', 422, 'VIDEO_UNREADABLE'],
    ['an audio-only M4A', 'voice.m4a', 415, 'VIDEO_NO_VIDEO_STREAM'],
    ['Matroska that is not WebM', 'h264.mkv', 415, 'VIDEO_CONTAINER_NOT_ALLOWED'],
    ['a 3GP phone clip', 'phone.3gp', 415, 'VIDEO_CONTAINER_NOT_ALLOWED'],
    ['an MP4 with no duration', 'zero-duration.mp4', 422, 'VIDEO_ZERO_DURATION'],
    ['an MP4 cut short (an interrupted upload)', 'faststart-cut.mp4', 422, 'VIDEO_TRUNCATED'],
  ])('refuses %s (%s) with %i %s and keeps nothing', async (_label, name, status, code) => {
    const before = await leftovers()
    const response = await uploadForm(yixun, 'editor', 'promo-videos', { file: fixture(name), name: 'clip.mp4', type: 'video/mp4' }, await videoData(yixun))
    expect(response.status).toBe(status)
    expect(response.body.errors[0].code).toBe(code)
    expect(response.body.errors[0].message).toMatch(/^[\x20-\x7e]+$/)
    expect(await leftovers()).toEqual(before)
  })

  it('refuses a video over the size limit with 413', async () => {
    process.env.YIXUN_VIDEO_MAX_BYTES = '10000'
    try {
      const before = await leftovers()
      const response = await uploadForm(yixun, 'editor', 'promo-videos', { file: fixture('good.mp4'), type: 'video/mp4' }, await videoData(yixun))
      expect(response.status).toBe(413)
      expect(response.body.errors[0]).toMatchObject({ code: 'VIDEO_TOO_LARGE', message: 'The video file is larger than the 10 KB limit.' })
      expect(await leftovers()).toEqual(before)
    } finally {
      delete process.env.YIXUN_VIDEO_MAX_BYTES
    }
  })

  it('refuses a video with 422 FFMPEG_UNAVAILABLE saying how to enable it while this server has no ffmpeg, and accepts it once it has', async () => {
    process.env.FFMPEG_PATH = path.join(mediaDir, 'no-such-ffmpeg')
    forgetFfmpegLocation()
    try {
      const before = await leftovers()
      const { totalDocs } = await yixun.payload.count({ collection: 'promo-videos' })
      const response = await uploadForm(yixun, 'publicity', 'promo-videos', { file: fixture('good.mp4'), type: 'video/mp4' }, await videoData(yixun))
      expect(response.status).toBe(422)
      expect(response.body.errors[0].code).toBe('FFMPEG_UNAVAILABLE')
      expect(response.body.errors[0].message).toMatch(/apt-get install ffmpeg.*FFMPEG_PATH/)
      expect(await leftovers()).toEqual(before)
      expect((await yixun.payload.count({ collection: 'promo-videos' })).totalDocs).toBe(totalDocs)
    } finally {
      delete process.env.FFMPEG_PATH
      forgetFfmpegLocation()
    }
    // No restart needed: the next upload finds the installed ffmpeg.
    expect((await upload('good.mp4')).filename).toMatch(/\.mp4$/)
  })

  it('explains a refusal in Chinese unless the admin speaks English', async () => {
    const response = await uploadForm(yixun, 'editor', 'promo-videos', { file: fixture('photo-renamed.mp4'), type: 'video/mp4' }, await videoData(yixun), {
      headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    })
    expect(response.status).toBe(415)
    expect(response.body.errors[0].message).toBe('仅支持 MP4、MOV、M4V 或 WebM 格式的视频。')
  })

  it('stores an upload inside the media folder under a safe name with the extension of its content', async () => {
    const escaping = await upload('good.mp4', {}, '../../../../tmp/evil.html')
    expect(escaping.filename).toBe('evil.mp4')
    const chinese = await upload('good.mp4', {}, '宣传片 (终版);rm -rf.MOV')
    expect(chinese).toMatchObject({ filename: '宣传片-(终版)-rm--rf.mov', mimeType: 'video/quicktime' })
    const sources = await filesUnder(mediaDirs().videoSources)
    expect(sources).toEqual(expect.arrayContaining(['evil.mp4', chinese.filename]))
    expect(sources.every((name) => !name.includes('/') && !name.includes('..'))).toBe(true)
    await expect(fs.access('/tmp/evil.html')).rejects.toThrow()
  })
})

describe('promo videos in the workflow', () => {
  it('refuses to approve a video before its transcode is ready (409 MEDIA_NOT_READY), and publishes it once ready', async () => {
    const video = await upload()
    expect((await act(yixun, 'editor', 'promo-videos', video.id, 'submit')).status).toBe(200)
    const early = await act(yixun, 'reviewer', 'promo-videos', video.id, 'approve')
    expect(early.status).toBe(409)
    expect(early.body.errors[0].code).toBe('MEDIA_NOT_READY')
    expect(early.body.errors[0].message).toContain('queued')

    await runMediaQueue(yixun.payload)
    const approved = await act(yixun, 'reviewer', 'promo-videos', video.id, 'approve')
    expect(approved).toMatchObject({ status: 200, body: { state: 'published', live: true } })
  })

  it('sends an edited title of a published video back to review without transcoding again', async () => {
    const video = await publishedVideo()
    const edit = await yixun.rest.patch(`promo-videos/${video.id}`, { token: await yixun.tokenFor('editor'), body: { title: '冬季心血管健康科普（第二版）' } })
    expect(edit.status).toBe(200)
    const working = await yixun.payload.findByID({ collection: 'promo-videos', id: video.id, draft: true, depth: 0 })
    expect(working).toMatchObject({ workflowState: 'draft', title: '冬季心血管健康科普（第二版）' })
    expect(await transcodesOf(yixun.payload, video.id)).toHaveLength(1)
    expect(await publishedVideoMedia(yixun.payload, video.id)).not.toBeNull()
  })

  it('transcodes a new upload on a published video apart, while the live version keeps playing its own outputs', async () => {
    const video = await publishedVideo()
    const live = await publishedVideoMedia(yixun.payload, video.id)
    const replaced = await uploadForm(yixun, 'editor', `promo-videos/${video.id}`, { file: fixture('good.mp4'), name: 'second-cut.mp4', type: 'video/mp4' }, {}, { method: 'PATCH' })
    expect(replaced.status).toBe(200)
    const transcodes = await transcodesOf(yixun.payload, video.id)
    expect(transcodes.map((record) => record.status)).toEqual(['ready', 'queued'])

    // The apps still play the approved version; the new cut cannot be approved until it is ready.
    expect(await publishedVideoMedia(yixun.payload, video.id)).toEqual(live)
    expect((await getRaw(yixun, null, live!.hls.replace(/^\/api\//, ''))).status).toBe(200)
    await act(yixun, 'editor', 'promo-videos', video.id, 'submit')
    expect((await act(yixun, 'reviewer', 'promo-videos', video.id, 'approve')).body.errors[0].code).toBe('MEDIA_NOT_READY')
    await runMediaQueue(yixun.payload)
    expect((await act(yixun, 'reviewer', 'promo-videos', video.id, 'approve')).status).toBe(200)
    expect((await publishedVideoMedia(yixun.payload, video.id))?.hls).toBe(`/api/promo-videos/outputs/${transcodes[1]!.id}/hls/master.m3u8`)
  })
})

describe('serving video outputs', () => {
  const apiPath = (url: string) => url.replace(/^\/api\//, '')

  it('serves an unpublished video only to staff, a published one to anyone, with the right types and nosniff', async () => {
    const video = await readyVideo()
    const { urls } = await statusOf(video.id)
    expect((await getRaw(yixun, null, apiPath(urls.hls))).status).toBe(401)
    expect((await getRaw(yixun, 'viewer', apiPath(urls.hls))).status).toBe(200)
    expect(await publishedVideoMedia(yixun.payload, video.id)).toBeNull()

    await act(yixun, 'editor', 'promo-videos', video.id, 'submit')
    await act(yixun, 'reviewer', 'promo-videos', video.id, 'approve')
    const media = await publishedVideoMedia(yixun.payload, video.id)
    expect(media).toMatchObject({ hls: urls.hls, mp4: urls.mp4, poster: urls.poster, durationSeconds: 2, width: 320, height: 240 })

    const master = await getRaw(yixun, null, apiPath(media!.hls))
    expect(master.status).toBe(200)
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    expect(master.headers.get('x-content-type-options')).toBe('nosniff')
    expect(master.headers.get('cache-control')).toBe('public, max-age=300')
    const variant = (await master.text()).split('\n').find((line) => line.endsWith('.m3u8'))!
    const playlist = await getRaw(yixun, null, apiPath(media!.hls.replace('master.m3u8', variant)))
    const segment = (await playlist.text()).split('\n').find((line) => line.endsWith('.ts'))!
    const ts = await getRaw(yixun, null, apiPath(media!.hls.replace('master.m3u8', variant.replace('index.m3u8', segment))))
    expect(ts.status).toBe(200)
    expect(ts.headers.get('content-type')).toBe('video/mp2t')
    const poster = await getRaw(yixun, null, apiPath(media!.posterSizes[0]!.webp))
    expect(poster.headers.get('content-type')).toBe('image/webp')

    // Withdrawn: no longer served to the apps.
    await act(yixun, 'reviewer', 'promo-videos', video.id, 'withdraw')
    expect((await getRaw(yixun, null, apiPath(media!.hls))).status).toBe(401)
  })

  it('answers byte ranges of the MP4 with 206, and an unsatisfiable range with 416', async () => {
    const video = await readyVideo()
    const { urls } = await statusOf(video.id)
    const full = await getRaw(yixun, 'editor', apiPath(urls.mp4))
    const size = Number(full.headers.get('content-length'))
    expect(full.status).toBe(200)
    expect(full.headers.get('accept-ranges')).toBe('bytes')
    expect(full.headers.get('content-type')).toBe('video/mp4')
    const bytes = Buffer.from(await full.arrayBuffer())
    expect(bytes.length).toBe(size)

    const first = await getRaw(yixun, 'editor', apiPath(urls.mp4), { Range: 'bytes=0-99' })
    expect(first.status).toBe(206)
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size}`)
    expect(Buffer.from(await first.arrayBuffer())).toEqual(bytes.subarray(0, 100))

    const tail = await getRaw(yixun, 'editor', apiPath(urls.mp4), { Range: 'bytes=-50' })
    expect(tail.status).toBe(206)
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(size - 50))

    const open = await getRaw(yixun, 'editor', apiPath(urls.mp4), { Range: `bytes=${size - 10}-` })
    expect(open.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`)

    const beyond = await getRaw(yixun, 'editor', apiPath(urls.mp4), { Range: `bytes=${size}-` })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`)
  })

  it('answers output requests in a custom server too, with exact lengths Next would drop', async () => {
    const video = await readyVideo()
    const { urls } = await statusOf(video.id)
    const headers = new Headers({ Authorization: `JWT ${await yixun.tokenFor('viewer')}`, Range: 'bytes=0-99' })
    const response = await handleVideoOutputRequest(yixun.payload, { method: 'GET', path: urls.mp4, headers })
    expect(response?.status).toBe(206)
    expect(response?.headers.get('content-length')).toBe('100')
    const anonymous = await handleVideoOutputRequest(yixun.payload, { method: 'HEAD', path: urls.mp4, headers: new Headers() })
    expect(anonymous?.status).toBe(401)
    expect(await handleVideoOutputRequest(yixun.payload, { method: 'GET', path: '/api/feed/patient', headers: new Headers() })).toBeNull()
  })

  it('serves nothing outside a transcode folder and nothing it did not list', async () => {
    const video = await readyVideo()
    const { id } = await statusOf(video.id)
    const source = (await yixun.payload.findByID({ collection: 'promo-videos', id: video.id, draft: true })).filename
    for (const attempt of [
      `promo-videos/outputs/${id}/..%2F..%2Fsources%2F${source}`,
      `promo-videos/outputs/${id}/%2E%2E/%2E%2E/sources/${source}`,
      `promo-videos/outputs/${id}/hls%2F..%2F..%2F..%2Fsources%2F${source}`,
      `promo-videos/outputs/${id}/.work/video-360p.mp4`,
      `promo-videos/outputs/${id}/hls/720p/missing.ts`,
      `promo-videos/outputs/999999/poster.jpg`,
    ]) {
      const response = await getRaw(yixun, 'admin', attempt)
      expect([400, 404]).toContain(response.status)
    }
  })

  it('serves the uploaded source file to staff only, with its type, nosniff and ranges', async () => {
    const video = await publishedVideo()
    const anonymous = await getRaw(yixun, null, `promo-videos/file/${video.filename}`)
    expect(anonymous.status).toBe(401)
    const staff = await getRaw(yixun, 'viewer', `promo-videos/file/${encodeURIComponent(video.filename)}`, { Range: 'bytes=0-9' })
    expect(staff.status).toBe(206)
    expect(staff.headers.get('content-type')).toBe('video/mp4')
    expect(staff.headers.get('x-content-type-options')).toBe('nosniff')
    expect(staff.headers.get('content-disposition')).toBe(`inline; filename="${video.filename}"; filename*=UTF-8''${encodeURIComponent(video.filename)}`)
  })
})

describe('failures, retries and cancelling', () => {
  it('shows a readable reason when a transcode fails, and finishes it on retry', async () => {
    const video = await upload()
    const sourceFile = path.join(mediaDirs().videoSources, video.filename)
    const original = await fs.readFile(sourceFile)
    await fs.writeFile(sourceFile, original.subarray(0, Math.floor(original.length / 2)))

    await runMediaQueue(yixun.payload)
    const failed = await statusOf(video.id)
    expect(failed.status).toBe('failed')
    expect(failed.error.code).toBe('VIDEO_TRUNCATED')
    expect(failed.error.en).toMatch(/^Transcoding failed: The video file is incomplete/)
    expect(failed.error.zh).toMatch(/^转码失败：/)
    const [job] = (await yixun.payload.find({ collection: 'payload-jobs', where: { id: { equals: (await transcodesOf(yixun.payload, video.id))[0]!.job } } })).docs
    expect(job?.hasError).toBe(true)
    expect(await filesUnder(path.join(mediaDirs().videoOutputs, String(failed.id)))).toEqual([])

    expect((await postJson(yixun, 'viewer', `promo-videos/${video.id}/transcode/retry`)).status).toBe(403)
    await fs.writeFile(sourceFile, original)
    const retried = await postJson(yixun, 'editor', `promo-videos/${video.id}/transcode/retry`)
    expect(retried).toMatchObject({ status: 200, body: { status: 'queued', attempt: 2, error: null } })
    await runMediaQueue(yixun.payload)
    expect(await statusOf(video.id)).toMatchObject({ status: 'ready', progress: 100, attempt: 2 })

    const again = await postJson(yixun, 'editor', `promo-videos/${video.id}/transcode/retry`)
    expect(again).toMatchObject({ status: 409, body: { errors: [{ code: 'TRANSCODE_NOT_FAILED' }] } })
    const cancelReady = await postJson(yixun, 'editor', `promo-videos/${video.id}/transcode/cancel`)
    expect(cancelReady).toMatchObject({ status: 409, body: { errors: [{ code: 'TRANSCODE_NOT_RUNNING' }] } })
  })

  it('cancels a queued transcode', async () => {
    const video = await upload()
    const cancelled = await postJson(yixun, 'editor', `promo-videos/${video.id}/transcode/cancel`)
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'failed', error: { code: 'TRANSCODE_CANCELLED' } } })
    expect(await runMediaQueue(yixun.payload)).toBe(0)
  })

  it('lets only editors of the video\'s departments cancel its transcode: anonymous 401, viewer and out-of-scope editor 403', async () => {
    const data = await videoData(yixun, { departments: [await departmentId(yixun, 'RESP')] })
    const response = await uploadForm(yixun, 'admin', 'promo-videos', { file: fixture('good.mp4'), name: 'good.mp4', type: 'video/mp4' }, data)
    expect(response.status).toBe(201)
    const cancel = `promo-videos/${response.body.doc.id}/transcode/cancel`
    expect(await postJson(yixun, null, cancel)).toMatchObject({ status: 401, body: { errors: [{ code: 'UNAUTHENTICATED' }] } })
    expect(await postJson(yixun, 'viewer', cancel)).toMatchObject({ status: 403, body: { errors: [{ code: 'WORKFLOW_ROLE_FORBIDDEN' }] } })
    expect(await postJson(yixun, 'editor', cancel)).toMatchObject({ status: 403, body: { errors: [{ code: 'DEPARTMENT_OUT_OF_SCOPE' }] } })
    expect((await transcodesOf(yixun.payload, response.body.doc.id))[0]!.status).toBe('queued')
    expect(await postJson(yixun, 'admin', cancel)).toMatchObject({ status: 200, body: { status: 'failed' } })
  })

  it('cancels a running transcode: ffmpeg stops and nothing it wrote is left', async () => {
    const video = await upload('hd.mp4')
    const running = runMediaQueue(yixun.payload)
    const { id } = await waitFor(async () => {
      const status = await statusOf(video.id)
      return status.status === 'processing' && status.progress > 0 ? status : null
    })
    const cancelled = await postJson(yixun, 'editor', `promo-videos/${video.id}/transcode/cancel`)
    expect(cancelled.status).toBe(202)
    await running
    expect(await statusOf(video.id)).toMatchObject({ status: 'failed', error: { code: 'TRANSCODE_CANCELLED' } })
    expect(await childProcesses('ffmpeg')).toEqual([])
    expect((await fs.readdir(mediaDirs().videoOutputs)).filter((name) => name === String(id) || name.startsWith(`.${id}.`))).toEqual([])
  })

  it('removes the transcodes and their outputs with the video', async () => {
    const video = await readyVideo()
    const { id } = await statusOf(video.id)
    expect(await filesUnder(path.join(mediaDirs().videoOutputs, String(id)))).not.toEqual([])
    expect((await yixun.rest.delete(`promo-videos/${video.id}`, { token: await yixun.tokenFor('admin') })).status).toBe(200)
    expect(await transcodesOf(yixun.payload, video.id)).toEqual([])
    expect(await filesUnder(path.join(mediaDirs().videoOutputs, String(id)))).toEqual([])
    expect(await filesUnder(mediaDirs().videoSources)).not.toContain(video.filename)
  })

  it('runs one transcode at a time per server by default', async () => {
    const first = await upload()
    const second = await upload()
    expect(await runMediaQueue(yixun.payload)).toBe(1)
    expect([(await statusOf(first.id)).status, (await statusOf(second.id)).status]).toEqual(['ready', 'queued'])
    expect(await runMediaQueue(yixun.payload)).toBe(1)
    expect((await statusOf(second.id)).status).toBe('ready')
  })
})

describe('in the app feed', () => {
  it('shows a published video with its HLS, MP4 and poster URLs, and no unpublished one', async () => {
    const { FeedService } = await import('@/feed/feedService')
    const { createApps } = await import('../helpers/apps')
    const keys = await createApps(yixun)
    const live = await publishedVideo()
    const waiting = await readyVideo({ title: '未发布的宣传片' })
    const feed = new FeedService(yixun.payload)
    await feed.start()
    try {
      const response = await feed.handle({ method: 'GET', path: '/api/feed/patient', query: new URLSearchParams(), headers: { authorization: `Bearer ${keys.patient.key}` } })
      const { videos } = JSON.parse(response.body.toString())
      // Videos published by earlier tests of this file are live too; this one must be among them.
      const shown = videos.find((v: { id: string }) => v.id === String(live.id))
      expect(videos.map((v: { id: string }) => v.id)).not.toContain(String(waiting.id))
      expect(shown).toMatchObject({
        collection: 'promo-videos',
        hls: expect.stringMatching(/\/hls\/master\.m3u8$/),
        mp4: expect.stringMatching(/\.mp4$/),
        poster: expect.stringMatching(/\.jpg$/),
      })
      // The URLs the feed gives are served to an app without staff credentials.
      for (const url of [shown.hls, shown.mp4, shown.poster]) {
        expect((await handleVideoOutputRequest(yixun.payload, { method: 'GET', path: url, headers: new Headers() }))?.status, url).toBe(200)
      }
    } finally {
      feed.stop()
    }
  })
})
