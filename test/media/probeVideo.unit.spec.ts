import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MediaRejection, type MediaRejectionCode } from '@/media/MediaRejection'
import { isoBoxRunsPastEnd, probeVideo } from '@/media/probeVideo'

import { cutShort, ffmpeg, makeClip, scratchDir } from './fixtures'

let dir: string
let remove: () => Promise<void>
const file = (name: string) => path.join(dir, name)

async function rejectionOf(promise: Promise<unknown>): Promise<MediaRejection> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(MediaRejection)
  return error as MediaRejection
}

async function expectRejected(name: string, code: MediaRejectionCode, status: number): Promise<MediaRejection> {
  const rejection = await rejectionOf(probeVideo(file(name)))
  expect(rejection.code).toBe(code)
  expect(rejection.status).toBe(status)
  return rejection
}

beforeAll(async () => {
  ;({ dir, remove } = await scratchDir('probe'))
  const vp9 = ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-c:a', 'libopus']
  await Promise.all([
    // Plain MP4s keep their index (moov) at the end; fast-start ones move it to the front.
    makeClip(file('plain.mp4'), { size: '640x360', seconds: 2 }),
    makeClip(file('landscape.mp4'), { size: '640x360', seconds: 1, audio: false }),
    makeClip(file('clip.webm'), { size: '320x240', seconds: 3, output: vp9 }),
    makeClip(file('h264.mkv'), { size: '320x240', seconds: 1 }),
    ffmpeg(['-f', 'lavfi', '-i', 'sine', '-t', '1', '-c:a', 'aac', file('voice.m4a')]),
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1', file('photo.jpg')]),
    fs.writeFile(file('notes.mp4'), 'Clinic hours change on Monday.\n'),
    fs.writeFile(file('empty.mp4'), ''),
  ])
  await Promise.all([
    ffmpeg(['-i', file('plain.mp4'), '-c', 'copy', '-movflags', '+faststart', file('faststart.mp4')]),
    // ffmpeg 5.1 sets the display matrix from the `rotate` tag only when stream-copying.
    ffmpeg(['-i', file('landscape.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', file('phone-upright.mp4')]),
    fs.copyFile(file('photo.jpg'), file('photo-renamed.mp4')),
  ])
  await Promise.all([
    cutShort(file('faststart.mp4'), file('faststart-cut.mp4')),
    cutShort(file('plain.mp4'), file('plain-cut.mp4')),
    cutShort(file('clip.webm'), file('clip-cut.webm')),
    zeroDurations(file('faststart.mp4'), file('zero-duration.mp4')),
  ])
})

afterAll(() => remove())

/** Rewrites the movie and media header durations (version 0 boxes) to 0, as a broken muxer might. */
async function zeroDurations(source: string, target: string): Promise<void> {
  const bytes = await fs.readFile(source)
  for (const box of ['mvhd', 'mdhd']) {
    for (let at = bytes.indexOf(box); at >= 0; at = bytes.indexOf(box, at + 4)) {
      // type(4) version+flags(4) creation(4) modification(4) timescale(4) → duration
      if (bytes[at + 4] === 0) bytes.writeUInt32BE(0, at + 20)
    }
  }
  await fs.writeFile(target, bytes)
}

describe('probeVideo', () => {
  it('describes an accepted MP4: container, duration, size, codecs and audio', async () => {
    const probe = await probeVideo(file('faststart.mp4'))
    expect(probe).toMatchObject({
      container: 'mp4',
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      width: 640,
      height: 360,
      rotation: 0,
      videoCodec: 'h264',
      audioCodec: 'aac',
      hasAudio: true,
      frameRate: 25,
      sizeBytes: (await fs.stat(file('faststart.mp4'))).size,
    })
    expect(probe.durationSeconds).toBeCloseTo(2, 1)
  })

  it('accepts a real WebM (VP9/Opus) and reports it as webm', async () => {
    const probe = await probeVideo(file('clip.webm'))
    expect(probe).toMatchObject({ container: 'webm', videoCodec: 'vp9', audioCodec: 'opus', width: 320, height: 240 })
  })

  it('reports a phone clip recorded upright in its displayed, portrait size', async () => {
    const probe = await probeVideo(file('phone-upright.mp4'))
    expect([90, 270]).toContain(probe.rotation)
    expect({ width: probe.width, height: probe.height }).toEqual({ width: 360, height: 640 })
    expect(probe.hasAudio).toBe(false)
  })

  it('refuses a JPEG renamed .mp4 even though ffprobe reads it (jpeg_pipe)', async () => {
    const rejection = await expectRejected('photo-renamed.mp4', 'VIDEO_CONTAINER_NOT_ALLOWED', 415)
    expect(rejection.detail).toContain('jpeg_pipe')
  })

  it('refuses a text file renamed .mp4 as unreadable', async () => {
    await expectRejected('notes.mp4', 'VIDEO_UNREADABLE', 422)
  })

  it('refuses an empty file as unreadable', async () => {
    await expectRejected('empty.mp4', 'VIDEO_UNREADABLE', 422)
  })

  it('refuses Matroska that is not WebM', async () => {
    await expectRejected('h264.mkv', 'VIDEO_CONTAINER_NOT_ALLOWED', 415)
  })

  it('refuses an audio-only M4A: there is no picture', async () => {
    await expectRejected('voice.m4a', 'VIDEO_NO_VIDEO_STREAM', 415)
  })

  it('refuses an MP4 whose headers claim zero duration', async () => {
    await expectRejected('zero-duration.mp4', 'VIDEO_ZERO_DURATION', 422)
  })

  it('refuses a fast-start MP4 cut in half, which ffprobe opens without error, by counting packets', async () => {
    const rejection = await expectRejected('faststart-cut.mp4', 'VIDEO_TRUNCATED', 422)
    expect(rejection.detail).toMatch(/read \d+ of 50 declared video frames/)
  })

  it('refuses a plain MP4 cut in half (its index is lost) as truncated, not merely unreadable', async () => {
    const rejection = await expectRejected('plain-cut.mp4', 'VIDEO_TRUNCATED', 422)
    expect(rejection.detail).toContain('box runs past the end')
  })

  it('refuses a WebM cut in half: its packets end long before the declared duration', async () => {
    const rejection = await expectRejected('clip-cut.webm', 'VIDEO_TRUNCATED', 422)
    expect(rejection.detail).toMatch(/packets end at/)
  })

  it('carries Chinese and English messages on every refusal', async () => {
    const rejection = await rejectionOf(probeVideo(file('faststart-cut.mp4')))
    expect(rejection.messages.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(rejection.messages.en).toMatch(/incomplete/)
  })

  it('lets a missing file fail as a plain error, not as a refusal of the upload', async () => {
    await expect(probeVideo(file('nowhere.mp4'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('isoBoxRunsPastEnd', () => {
  it('is false for complete MP4s and true for cut ones', async () => {
    expect(await isoBoxRunsPastEnd(file('plain.mp4'))).toBe(false)
    expect(await isoBoxRunsPastEnd(file('faststart.mp4'))).toBe(false)
    expect(await isoBoxRunsPastEnd(file('plain-cut.mp4'))).toBe(true)
  })

  it('is false for files that are not ISO media at all', async () => {
    expect(await isoBoxRunsPastEnd(file('notes.mp4'))).toBe(false)
  })
})
