import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import type { VideoTranscode } from '@/payload-types'

import { departmentId } from '../helpers/content'
import type { TestYixun } from '../helpers/yixun'
import { cutShort, ffmpeg, makeClip } from '../media/fixtures'

/** Every kind of video upload the tests send, made once per file from ffmpeg's test sources. */
export async function makeVideoFixtures(dir: string) {
  const file = (name: string) => path.join(dir, name)
  await Promise.all([
    makeClip(file('good.mp4'), { size: '320x240', seconds: 2 }),
    makeClip(file('h264.mkv'), { size: '320x240', seconds: 1 }),
    ffmpeg(['-f', 'lavfi', '-i', 'sine', '-t', '1', '-c:a', 'aac', file('voice.m4a')]),
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1', file('photo.jpg')]),
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=176x144:rate=15', '-t', '1', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-f', '3gp', file('phone.3gp')]),
    fs.writeFile(file('notes.mp4'), 'Clinic hours change on Monday.\n'),
  ])
  await Promise.all([
    ffmpeg(['-i', file('good.mp4'), '-c', 'copy', '-movflags', '+faststart', file('faststart.mp4')]),
    fs.copyFile(file('photo.jpg'), file('photo-renamed.mp4')),
  ])
  await Promise.all([cutShort(file('faststart.mp4'), file('faststart-cut.mp4')), zeroDurations(file('faststart.mp4'), file('zero-duration.mp4'))])
  return file
}

/** Rewrites the movie and media header durations (version 0 boxes) to 0, as a broken muxer might. */
async function zeroDurations(source: string, target: string): Promise<void> {
  const bytes = await fs.readFile(source)
  for (const box of ['mvhd', 'mdhd']) {
    for (let at = bytes.indexOf(box); at >= 0; at = bytes.indexOf(box, at + 4)) {
      if (bytes[at + 4] === 0) bytes.writeUInt32BE(0, at + 20)
    }
  }
  await fs.writeFile(target, bytes)
}

/** A valid promo video for the cardiology department (within the demo editor's scope). */
export async function videoData(yixun: TestYixun, overrides: Record<string, unknown> = {}) {
  return {
    title: '冬季心血管健康科普',
    description: '寒潮来临，心内科专家讲解如何预防心梗。',
    audience: 'patient',
    tags: ['健康科普', '心血管'],
    departments: [await departmentId(yixun, 'CARD')],
    ...overrides,
  }
}

export async function transcodesOf(payload: Payload, videoId: number | string): Promise<VideoTranscode[]> {
  const { docs } = await payload.find({ collection: 'video-transcodes', where: { video: { equals: videoId } }, sort: 'createdAt', depth: 0, overrideAccess: true })
  return docs
}

