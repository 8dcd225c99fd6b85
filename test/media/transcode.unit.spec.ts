import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { avc1Codec, fitInBox, posterTime, type TranscodeManifest, transcodeVideo } from '@/media/transcode'

import { childProcesses, ffmpeg, ffprobeJson, listTree, makeClip, scratchDir, topLevelBoxes } from './fixtures'

type Probe = {
  format: { format_name: string; duration: string }
  streams: Array<{ codec_type: string; codec_name: string; profile?: string; level?: number; width?: number; height?: number; side_data_list?: unknown[] }>
}

let dir: string
let remove: () => Promise<void>
const file = (name: string) => path.join(dir, name)

beforeAll(async () => {
  ;({ dir, remove } = await scratchDir('transcode'))
  await Promise.all([
    makeClip(file('ward-tour.mp4'), { size: '1280x720', seconds: 3 }),
    makeClip(file('small.mp4'), { size: '480x270', seconds: 1 }),
    makeClip(file('landscape.mp4'), { size: '1280x720', seconds: 1, audio: false }),
    // Long enough that the encode is still running when the test cancels it.
    makeClip(file('long.mp4'), { size: '1280x720', seconds: 12 }),
  ])
  await ffmpeg(['-i', file('landscape.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', file('phone-upright.mp4')])
})

afterAll(() => remove())

describe('transcodeVideo', () => {
  let outDir: string
  let manifest: TranscodeManifest
  const progress: number[] = []

  beforeAll(async () => {
    // A space in the path: fluent-ffmpeg would split such an option string if it were passed whole.
    outDir = path.join(dir, 'published', 'notice 42')
    manifest = await transcodeVideo({ input: file('ward-tour.mp4'), outDir, onProgress: (percent) => progress.push(percent) })
  })

  it('writes a 720p H.264 High / AAC MP4 that starts playing before it is fully downloaded', async () => {
    const probe = await ffprobeJson<Probe>(path.join(outDir, 'video-720p.mp4'))
    const video = probe.streams.find((stream) => stream.codec_type === 'video')!
    const audio = probe.streams.find((stream) => stream.codec_type === 'audio')!
    expect(video).toMatchObject({ codec_name: 'h264', profile: 'High', level: 40, width: 1280, height: 720 })
    expect(audio.codec_name).toBe('aac')
    expect(Number(probe.format.duration)).toBeCloseTo(3, 0)
    const boxes = await topLevelBoxes(path.join(outDir, 'video-720p.mp4'))
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0)
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'))
  })

  it('writes HLS at 360p and 720p with a master playlist ffprobe can follow', async () => {
    const master = await fs.readFile(path.join(outDir, 'hls/master.m3u8'), 'utf8')
    const variants = [...master.matchAll(/#EXT-X-STREAM-INF:(.+)\n(.+)/g)].map(([, attributes, uri]) => ({ attributes, uri }))
    expect(variants.map(({ uri }) => uri)).toEqual(['360p/index.m3u8', '720p/index.m3u8'])
    expect(variants[0]!.attributes).toMatch(/BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=640x360,CODECS="avc1\.64001f,mp4a\.40\.2"/)
    expect(variants[1]!.attributes).toMatch(/BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=1280x720,CODECS="avc1\.640028,mp4a\.40\.2"/)
    expect(master).not.toContain('var_stream_map')

    for (const rendition of ['360p', '720p']) {
      const playlist = await fs.readFile(path.join(outDir, 'hls', rendition, 'index.m3u8'), 'utf8')
      expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD')
      expect(playlist).toContain('#EXT-X-ENDLIST')
      const segments = playlist.split('\n').filter((line) => line.endsWith('.ts'))
      expect(segments.length).toBeGreaterThan(0)
      for (const segment of segments) await fs.access(path.join(outDir, 'hls', rendition, segment))
    }

    const probe = await ffprobeJson<Probe>(path.join(outDir, 'hls/master.m3u8'))
    expect(probe.format.format_name).toBe('hls')
    const heights = probe.streams.filter((stream) => stream.codec_type === 'video').map((stream) => stream.height)
    expect(heights.sort()).toEqual([360, 720])
  })

  it('declares in CODECS exactly the profile and level the encoder wrote', async () => {
    const probe = await ffprobeJson<Probe>(path.join(outDir, 'hls/360p/segment-000.ts'))
    expect(probe.streams.find((stream) => stream.codec_type === 'video')).toMatchObject({ profile: 'High', level: 31 })
    expect(avc1Codec('3.1')).toBe('avc1.64001f')
    expect(avc1Codec('4.0')).toBe('avc1.640028')
  })

  it('writes a JPEG poster the size of the MP4', async () => {
    const poster = await sharp(path.join(outDir, 'poster.jpg')).metadata()
    expect(poster).toMatchObject({ format: 'jpeg', width: 1280, height: 720 })
  })

  it('returns a manifest of relative paths whose byte counts match the disk', async () => {
    expect(manifest).toMatchObject({ mp4: 'video-720p.mp4', poster: 'poster.jpg', hlsMaster: 'hls/master.m3u8', width: 1280, height: 720 })
    expect(manifest.durationSeconds).toBeCloseTo(3, 1)
    expect(manifest.files.map(({ path: relative }) => relative)).toEqual(await listTree(outDir))
    for (const entry of manifest.files) {
      expect(path.isAbsolute(entry.path)).toBe(false)
      expect((await fs.stat(path.join(outDir, entry.path))).size).toBe(entry.bytes)
    }
    expect(manifest.renditions.map(({ name, width, height }) => ({ name, width, height }))).toEqual([
      { name: '360p', width: 640, height: 360 },
      { name: '720p', width: 1280, height: 720 },
    ])
    for (const rendition of manifest.renditions) expect(rendition.bandwidth).toBeGreaterThanOrEqual(rendition.averageBandwidth)
  })

  it('reports progress from 0 to 100 without ever going back', () => {
    expect(progress[0]).toBe(0)
    expect(progress.at(-1)).toBe(100)
    expect(progress.filter((percent) => percent === 100)).toHaveLength(1)
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]!)
  })

  it('leaves nothing but the result beside it: no staging or work folders', async () => {
    expect(await fs.readdir(path.dirname(outDir))).toEqual(['notice 42'])
    expect((await fs.stat(outDir)).mode & 0o777).toBe(0o755)
  })

  it('replaces an earlier result in the same folder (a retried job)', async () => {
    await fs.writeFile(path.join(outDir, 'stale.txt'), 'from an earlier run')
    await transcodeVideo({ input: file('small.mp4'), outDir, preset: 'ultrafast' })
    expect(await fs.readdir(path.dirname(outDir))).toEqual(['notice 42'])
    await expect(fs.access(path.join(outDir, 'stale.txt'))).rejects.toThrow()
  })
})

describe('transcodeVideo with sources of other shapes', () => {
  it('never enlarges a source smaller than 720p: both renditions keep the source size', async () => {
    const outDir = file('small-out')
    const manifest = await transcodeVideo({ input: file('small.mp4'), outDir, preset: 'ultrafast' })
    expect({ width: manifest.width, height: manifest.height }).toEqual({ width: 480, height: 270 })
    expect(manifest.renditions.map(({ width, height }) => `${width}x${height}`)).toEqual(['480x270', '480x270'])
    const probe = await ffprobeJson<Probe>(path.join(outDir, 'video-720p.mp4'))
    expect(probe.streams.find((stream) => stream.codec_type === 'video')).toMatchObject({ width: 480, height: 270 })
  })

  it('turns a phone clip recorded upright into an upright portrait video with no rotation flag', async () => {
    const outDir = file('upright-out')
    const manifest = await transcodeVideo({ input: file('phone-upright.mp4'), outDir, preset: 'ultrafast' })
    expect({ width: manifest.width, height: manifest.height }).toEqual({ width: 720, height: 1280 })
    expect(manifest.renditions.find(({ name }) => name === '360p')).toMatchObject({ width: 360, height: 640, codecs: 'avc1.64001f' })
    const probe = await ffprobeJson<Probe>(path.join(outDir, 'video-720p.mp4'))
    const video = probe.streams.find((stream) => stream.codec_type === 'video')!
    expect(video).toMatchObject({ width: 720, height: 1280 })
    expect(video.side_data_list ?? []).toEqual([])
    expect(probe.streams.some((stream) => stream.codec_type === 'audio')).toBe(false)
    expect(await sharp(path.join(outDir, 'poster.jpg')).metadata()).toMatchObject({ width: 720, height: 1280 })
  })
})

describe('cancelling transcodeVideo', () => {
  it('kills ffmpeg and leaves no files when aborted mid-encode', async () => {
    const parent = file('cancelled')
    const outDir = path.join(parent, 'notice 7')
    const controller = new AbortController()
    const progress: number[] = []
    const run = transcodeVideo({
      input: file('long.mp4'),
      outDir,
      signal: controller.signal,
      onProgress: (percent) => {
        progress.push(percent)
        if (percent > 0) controller.abort()
      },
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(progress.at(-1)).toBeLessThan(88)
    expect(await fs.readdir(parent)).toEqual([])
    expect(await childProcesses('ffmpeg')).toEqual([])
  })

  it('starts nothing when the signal is already aborted', async () => {
    const parent = file('never-started')
    await expect(transcodeVideo({ input: file('small.mp4'), outDir: path.join(parent, 'x'), signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    })
    await expect(fs.access(parent)).rejects.toThrow()
  })
})

describe('transcode sizing rules', () => {
  it('fits 720p and 360p boxes, upright for portrait, never enlarging, always even', () => {
    const box720 = { long: 1280, short: 720 }
    expect(fitInBox({ width: 1920, height: 1080 }, box720)).toEqual({ width: 1280, height: 720 })
    expect(fitInBox({ width: 1080, height: 1920 }, box720)).toEqual({ width: 720, height: 1280 })
    expect(fitInBox({ width: 2560, height: 1080 }, box720)).toEqual({ width: 1280, height: 540 })
    expect(fitInBox({ width: 640, height: 480 }, box720)).toEqual({ width: 640, height: 480 })
    expect(fitInBox({ width: 853, height: 479 }, box720)).toEqual({ width: 852, height: 478 })
    expect(fitInBox({ width: 1920, height: 1080 }, { long: 640, short: 360 })).toEqual({ width: 640, height: 360 })
  })

  it('takes the poster at 1 s, or at 10 % of a shorter clip', () => {
    expect(posterTime(60)).toBe(1)
    expect(posterTime(3)).toBeCloseTo(0.3)
  })
})
