import fs from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'
import { Readable } from 'node:stream'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fileWithin, serveFile } from '@/media/serveFile'
import { transcodeVideo } from '@/media/transcode'

import { launchChromium } from '../helpers/browser'
import { makeClip, scratchDir } from './fixtures'

/**
 * ffprobe reading our outputs does not prove an app can play them (DESIGN.md). Here hls.js in
 * headless Chromium plays what `transcodeVideo` (the function the transcode job runs) wrote, served
 * by the same `serveFile` the output URLs answer with. Debian's Chromium 156 decodes H.264 and AAC
 * itself (`MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"')` is true), so
 * the tests demand decoded frames and audio, not only parsed fragments.
 */

/** 5 s: with 4 s segments every rendition has two, so playback must cross a segment boundary. */
const CLIP_SECONDS = 5
const FIRST_SEGMENT_SECONDS = 4
/** Non-fatal hls.js errors that are the player recovering from timing, not a fault in the output. */
const RECOVERIES = ['bufferSeekOverHole', 'bufferStalledError', 'bufferNudgeOnStall']

type PlayerReport = {
  hlsSupported: boolean
  levels: Array<{ width: number; height: number; codecs: string }>
  switchedTo: number[]
  fragmentsLoaded: Array<{ level: number; sn: number }>
  fragmentsParsed: Array<{ level: number; sn: number }>
  errors: Array<{ fatal: boolean; type: string; details: string }>
  playError: string | null
}

type VideoState = {
  currentTime: number
  videoWidth: number
  videoHeight: number
  framesDecoded: number
  audioBytesDecoded: number
  error: number | null
}

/**
 * The page an app's web view would be: a muted <video>, hls.js from the npm package, nothing else.
 * `playHls(src, level)` pins hls.js to one rendition so each is proven to play, not just the one
 * the bandwidth estimate happens to pick.
 */
const PLAYER_PAGE = `<!doctype html>
<meta charset="utf-8">
<title>Yixun HLS playback check</title>
<video id="video" muted playsinline></video>
<script src="/hls.min.js"></script>
<script>
  const video = document.getElementById('video')
  const report = { hlsSupported: Hls.isSupported(), levels: [], switchedTo: [], fragmentsLoaded: [], fragmentsParsed: [], errors: [], playError: null }
  window.report = report
  const play = () => video.play().catch((error) => { report.playError = String(error) })

  window.playHls = (src, level) => {
    const hls = new Hls({ startLevel: level })
    window.hls = hls
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      report.levels = hls.levels.map(({ width, height, attrs }) => ({ width, height, codecs: attrs.CODECS }))
      hls.currentLevel = level
      play()
    })
    hls.on(Hls.Events.LEVEL_SWITCHED, (_, { level }) => report.switchedTo.push(level))
    hls.on(Hls.Events.FRAG_LOADED, (_, { frag }) => report.fragmentsLoaded.push({ level: frag.level, sn: frag.sn }))
    hls.on(Hls.Events.FRAG_PARSED, (_, { frag }) => report.fragmentsParsed.push({ level: frag.level, sn: frag.sn }))
    hls.on(Hls.Events.ERROR, (_, { fatal, type, details }) => report.errors.push({ fatal, type, details }))
    hls.attachMedia(video)
    hls.loadSource(src)
  }

  window.playMp4 = (src) => {
    video.src = src
    play()
  }

  window.videoState = () => ({
    currentTime: video.currentTime,
    videoWidth: video.videoWidth,
    videoHeight: video.videoHeight,
    framesDecoded: video.getVideoPlaybackQuality().totalVideoFrames,
    audioBytesDecoded: video.webkitAudioDecodedByteCount,
    error: video.error && video.error.code,
  })
</script>
`

let scratch: { dir: string; remove: () => Promise<void> }
let outDir: string
let server: Server
let origin: string
let browser: Browser

const hlsScript = path.resolve('node_modules/hls.js/dist/hls.min.js')

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PLAYER_PAGE)
    return
  }
  if (url.pathname === '/hls.min.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(await fs.readFile(hlsScript))
    return
  }
  const file = url.pathname.startsWith('/outputs/') ? await fileWithin(outDir, decodeURIComponent(url.pathname.slice('/outputs/'.length))) : null
  if (!file) {
    res.writeHead(404).end()
    return
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
  const response = await serveFile(file, { method: req.method, headers, cacheControl: 'public, max-age=300' })
  res.writeHead(response.status, Object.fromEntries(response.headers))
  if (response.body) Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res)
  else res.end()
}

beforeAll(async () => {
  scratch = await scratchDir('hls-playback')
  const source = await makeClip(path.join(scratch.dir, 'clinic-tour.mp4'), { size: '1280x720', seconds: CLIP_SECONDS })
  outDir = path.join(scratch.dir, 'outputs')
  await transcodeVideo({ input: source, outDir })

  server = createServer((req, res) => {
    answer(req, res).catch(() => res.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  await scratch?.remove()
})

async function openPlayer(): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`${origin}/`)
  return page
}

const report = (page: Page) => page.evaluate('window.report') as Promise<PlayerReport>
const videoState = (page: Page) => page.evaluate('window.videoState()') as Promise<VideoState>

describe('promo video outputs in a real player (hls.js in headless Chromium)', () => {
  it('runs in a Chromium that decodes H.264 and AAC, so playback below means decoded frames', async () => {
    const page = await openPlayer()
    const support = (await page.evaluate(`(() => {
      const type = 'video/mp4; codecs="avc1.42E01E,mp4a.40.2"'
      return { mse: MediaSource.isTypeSupported(type), canPlay: document.createElement('video').canPlayType(type) }
    })()`)) as { mse: boolean; canPlay: string }
    expect(support).toEqual({ mse: true, canPlay: 'probably' })
    await page.close()
  })

  for (const { level, name, width, height } of [
    { level: 0, name: '360p', width: 640, height: 360 },
    { level: 1, name: '720p', width: 1280, height: 720 },
  ]) {
    it(`plays the ${name} HLS rendition from the master playlist across a segment boundary`, async () => {
      const page = await openPlayer()
      await page.evaluate(`window.playHls('/outputs/hls/master.m3u8', ${level})`)

      await expect.poll(async () => (await report(page)).levels.length, { timeout: 20_000 }).toBe(2)
      const parsed = await report(page)
      expect(parsed.hlsSupported).toBe(true)
      expect(parsed.levels).toEqual([
        { width: 640, height: 360, codecs: 'avc1.64001f,mp4a.40.2' },
        { width: 1280, height: 720, codecs: 'avc1.640028,mp4a.40.2' },
      ])

      // Past the first segment: both fragments of this rendition were fetched, demuxed and played.
      await expect
        .poll(async () => (await videoState(page)).currentTime, { timeout: 40_000, interval: 250 })
        .toBeGreaterThan(FIRST_SEGMENT_SECONDS + 0.5)
      const state = await videoState(page)
      expect(state).toMatchObject({ videoWidth: width, videoHeight: height, error: null })
      expect(state.framesDecoded).toBeGreaterThan(0)
      expect(state.audioBytesDecoded).toBeGreaterThan(0)

      const played = await report(page)
      expect(played.playError).toBeNull()
      expect(played.errors.filter(({ fatal }) => fatal)).toEqual([])
      // Skipping the 0.08 s before the first frame (B-frame delay) and stalls on a busy machine are
      // recoveries; a parsing, append or codec error means an output the player could not use.
      expect(played.errors.map(({ details }) => details).filter((details) => !RECOVERIES.includes(details))).toEqual([])
      expect(new Set(played.switchedTo)).toEqual(new Set([level]))
      for (const events of [played.fragmentsLoaded, played.fragmentsParsed]) {
        expect(events.filter((fragment) => fragment.level === level).map(({ sn }) => sn)).toEqual(expect.arrayContaining([0, 1]))
        expect(events.every((fragment) => fragment.level === level)).toBe(true)
      }
      await page.close()
    })
  }

  it('serves the playlists, segments and MP4 with the types players expect', async () => {
    const typeOf = async (file: string) => (await fetch(`${origin}/outputs/${file}`, { method: 'HEAD' })).headers.get('content-type')
    expect(await typeOf('hls/master.m3u8')).toBe('application/vnd.apple.mpegurl')
    expect(await typeOf('hls/360p/index.m3u8')).toBe('application/vnd.apple.mpegurl')
    expect(await typeOf('hls/720p/segment-000.ts')).toBe('video/mp2t')
    expect(await typeOf('video-720p.mp4')).toBe('video/mp4')
  })

  it('plays the 720p fast-start MP4 directly in a <video>', async () => {
    const page = await openPlayer()
    await page.evaluate(`window.playMp4('/outputs/video-720p.mp4')`)

    await expect.poll(async () => (await videoState(page)).currentTime, { timeout: 30_000, interval: 250 }).toBeGreaterThan(0.5)
    const state = await videoState(page)
    expect(state).toMatchObject({ videoWidth: 1280, videoHeight: 720, error: null })
    expect(state.framesDecoded).toBeGreaterThan(0)
    expect(state.audioBytesDecoded).toBeGreaterThan(0)
    expect((await report(page)).playError).toBeNull()
    await page.close()
  })
})
