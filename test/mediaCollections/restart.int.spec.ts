import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDirs } from '@/media/mediaConfig'
import { mediaWorkerId } from '@/media/mediaProcess'
import { startMediaWorker } from '@/media/mediaWorker'
import { recoverStalledTranscodes } from '@/media/transcodes'

import { getRaw, uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { ffprobeJson, makeClip, scratchDir } from '../media/fixtures'
import { waitFor } from '../helpers/wait'
import { transcodesOf, videoData } from './fixtures'

let yixun: TestYixun
let mediaDir: string
let clips: { dir: string; remove: () => Promise<void> }

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('restart')
  process.env.YIXUN_TRANSCODE_PROGRESS_MS = '100'
  yixun = await startYixun()
  clips = await scratchDir('restart-clips')
  await makeClip(path.join(clips.dir, 'hd.mp4'), { size: '1280x720', seconds: 4 })
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await clips?.remove()
  await fs.rm(mediaDir, { recursive: true, force: true })
})

/** A server process working the media queue, in its own process group so a kill takes its ffmpeg too. */
function startServerProcess(): ChildProcess {
  return spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'test/mediaCollections/transcodeInChild.ts'], {
    env: { ...process.env, DATABASE_URI: yixun.databaseUri, YIXUN_MEDIA_DIR: mediaDir, YIXUN_TRANSCODE_PRESET: 'medium' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  })
}

const outputEntries = async () => (await fs.readdir(mediaDirs().videoOutputs).catch(() => [] as string[])).sort()

describe('a server killed mid-transcode', () => {
  it('runs the transcode again after the restart, finishes it, and leaves no half-written files', async () => {
    const upload = await uploadForm(yixun, 'editor', 'promo-videos', { file: path.join(clips.dir, 'hd.mp4'), type: 'video/mp4' }, await videoData(yixun))
    expect(upload.status).toBe(201)
    const videoId = upload.body.doc.id

    const child = startServerProcess()
    const exited = new Promise((resolve) => child.once('exit', resolve))
    const running = await waitFor(async () => {
      const [record] = await transcodesOf(yixun.payload, videoId)
      return record?.status === 'processing' && (record.progress ?? 0) >= 5 ? record : null
    }, 60_000)
    process.kill(-child.pid!, 'SIGKILL')
    await exited

    // Killed half-way: the record still says processing, the staging folder is there, no result.
    expect(running.worker).not.toBe(mediaWorkerId())
    const [stalled] = await transcodesOf(yixun.payload, videoId)
    expect(stalled).toMatchObject({ status: 'processing', attempt: 1 })
    const left = await outputEntries()
    expect(left.some((name) => name.startsWith(`.${stalled!.id}.partial-`))).toBe(true)
    expect(left).not.toContain(String(stalled!.id))
    expect((await getRaw(yixun, 'editor', `promo-videos/${videoId}/transcode`).then((r) => r.json())).urls).toBeNull()

    // The restarted server's media worker finds the dead run, queues it again and finishes it.
    const worker = startMediaWorker(yixun.payload)
    try {
      await waitFor(async () => ((await transcodesOf(yixun.payload, videoId))[0]?.status === 'ready' ? true : null), 60_000)
    } finally {
      await worker.stop()
    }
    const [done] = await transcodesOf(yixun.payload, videoId)
    expect(done).toMatchObject({ status: 'ready', progress: 100, attempt: 2 })
    expect(await outputEntries()).toEqual([String(done!.id)])
    const oldJob = await yixun.payload.findByID({ collection: 'payload-jobs', id: stalled!.job!, disableErrors: true })
    expect(oldJob === null || oldJob.hasError).toBe(true)

    const mp4 = await ffprobeJson<{ streams: Array<Record<string, any>> }>(path.join(mediaDirs().videoOutputs, String(done!.id), 'video-720p.mp4'))
    expect(mp4.streams.find((stream) => stream.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 1280, height: 720 })
  })

  it('leaves a transcode alone while its worker on another server still reports, and requeues it once it falls silent', async () => {
    const upload = await uploadForm(yixun, 'editor', 'promo-videos', { file: path.join(clips.dir, 'hd.mp4'), type: 'video/mp4' }, await videoData(yixun))
    const [record] = await transcodesOf(yixun.payload, upload.body.doc.id)
    const elsewhere = { status: 'processing' as const, worker: 'media-host-2:4242:abcd1234', progress: 40 }
    await yixun.payload.update({ collection: 'video-transcodes', id: record!.id, data: { ...elsewhere, heartbeatAt: new Date().toISOString() } })
    expect(await recoverStalledTranscodes(yixun.payload)).toEqual([])

    await yixun.payload.update({ collection: 'video-transcodes', id: record!.id, data: { heartbeatAt: new Date(Date.now() - 5 * 60_000).toISOString() } })
    const recovered = await recoverStalledTranscodes(yixun.payload)
    expect(recovered.map((item) => item.id)).toEqual([record!.id])
    expect((await transcodesOf(yixun.payload, upload.body.doc.id))[0]).toMatchObject({ status: 'queued', attempt: 2, worker: null })
  })
})
