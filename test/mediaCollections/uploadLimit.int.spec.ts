import fs from 'node:fs/promises'

import { afterAll, beforeAll, expect, it } from 'vitest'

import { mediaDirs } from '@/media/mediaConfig'

import { filesUnder, uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let mediaDir: string
const LIMITS = ['YIXUN_VIDEO_MAX_BYTES', 'YIXUN_PDF_MAX_BYTES', 'YIXUN_IMAGE_MAX_BYTES'] as const

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('limit')
  // The multipart limit is read when the config loads: the largest of the three.
  for (const name of LIMITS) process.env[name] = String(64 * 1024)
  yixun = await startYixun()
})

afterAll(async () => {
  for (const name of LIMITS) delete process.env[name]
  await yixun?.payload.destroy().catch(() => {})
  await fs.rm(mediaDir, { recursive: true, force: true })
})

it('stops reading an upload over the limit as it streams in: 413 UPLOAD_TOO_LARGE, and no temp file is left', async () => {
  const response = await uploadForm(yixun, 'editor', 'promo-videos', { bytes: new Uint8Array(1024 * 1024), name: 'big.mp4', type: 'video/mp4' }, { title: 'x' })
  expect(response.status).toBe(413)
  expect(response.body.errors[0]).toMatchObject({ code: 'UPLOAD_TOO_LARGE', message: 'The file is larger than the 64 KB limit.' })
  expect(await filesUnder(mediaDirs().uploads)).toEqual([])
  expect(await filesUnder(mediaDirs().videoSources)).toEqual([])
})
