import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDirs } from '@/media/mediaConfig'
import { sweepUploadTempFiles } from '@/media/uploadedFile'

import { filesUnder, uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { departmentId } from '../helpers/content'
import { plainPdf, save } from '../media/pdfFixtures'

let yixun: TestYixun
let mediaDir: string

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('bounds')
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await fs.rm(mediaDir, { recursive: true, force: true })
})

/** An animated GIF of `frames` tiny frames, each a different shade (a few KB). */
async function animatedGif(frames: number, size = 16): Promise<Buffer> {
  const raw = Buffer.alloc(size * size * frames * 3)
  for (let f = 0; f < frames; f++) raw.fill((f * 37) % 256, f * size * size * 3, (f + 1) * size * size * 3)
  return sharp(raw, { raw: { width: size, height: size * frames, channels: 3, pageHeight: size } }).gif({ delay: 20 }).toBuffer()
}

const uploadsDir = () => mediaDirs().uploads
const tempFiles = async () => (await fs.readdir(uploadsDir()).catch(() => [] as string[])).sort()

describe('animated images', () => {
  it('refuses a tiny GIF of 2,000 frames before decoding it (422 IMAGE_ANIMATION_TOO_LARGE) and keeps nothing', async () => {
    const gif = await animatedGif(2000)
    expect(gif.length).toBeLessThan(100_000)
    const before = await filesUnder(mediaDirs().images)
    const upload = await uploadForm(yixun, 'editor', 'media', { bytes: gif, name: 'spinner.gif', type: 'image/gif' }, { alt: '加载动画' })
    expect(upload.status).toBe(422)
    expect(upload.body.errors[0].code).toBe('IMAGE_ANIMATION_TOO_LARGE')
    expect(await filesUnder(mediaDirs().images)).toEqual(before)
  })

  it('still takes a short animation and keeps it animated', async () => {
    const upload = await uploadForm(yixun, 'editor', 'media', { bytes: await animatedGif(20, 64), name: 'loop.gif', type: 'image/gif' }, { alt: '循环动画' })
    expect(upload.status).toBe(201)
    const stored = await fs.readFile(path.join(mediaDirs().images, upload.body.doc.filename))
    expect((await sharp(stored).metadata()).pages).toBeGreaterThan(1)
  })
})

describe('stored file names', () => {
  // U+202E turns "gpj.exe" into what reads as "exe.jpg"; U+200B and U+FEFF are invisible; U+0085 is a C1 control.
  const hostile = 'report\u202Egpj.exe\u200B\uFEFF\u0085\u2066x\u2069\u2028'

  it('drops control, bidirectional and zero-width characters from image names', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer()
    const upload = await uploadForm(yixun, 'editor', 'media', { bytes: png, name: `${hostile}.png`, type: 'image/png' }, { alt: '图' })
    expect(upload.status).toBe(201)
    expect(upload.body.doc.filename).toMatch(/^report-?gpj\.exe-?x(-\d+)?\.png$/)
    expect(upload.body.doc.filename).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u)
  })

  it('drops them from brochure names too', async () => {
    const pdf = await save(await plainPdf(1))
    const upload = await uploadForm(yixun, 'editor', 'brochures', { bytes: pdf, name: `${hostile}.pdf`, type: 'application/pdf' }, await brochureData())
    expect(upload.status).toBe(201)
    expect(upload.body.doc.filename).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u)
  })
})

describe('upload temp files', () => {
  it('removes the temp file after a stored upload, a refused one, and a request whose form fields are not JSON', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer()
    expect((await uploadForm(yixun, 'editor', 'media', { bytes: png, name: 'ok.png', type: 'image/png' }, { alt: '图' })).status).toBe(201)
    expect(await tempFiles()).toEqual([])
    expect((await uploadForm(yixun, 'editor', 'media', { bytes: Buffer.from('not an image'), name: 'x.png', type: 'image/png' }, { alt: '图' })).status).toBe(415)
    expect(await tempFiles()).toEqual([])

    const broken = await uploadForm(yixun, 'editor', 'media', { bytes: png, name: 'y.png', type: 'image/png' }, {}, { rawPayload: '{"alt": ' })
    expect(broken.status).toBe(400)
    expect(broken.body.errors[0].code).toBe('INVALID_JSON')
    expect(await tempFiles()).toEqual([])
  })

  it('answers 400 INVALID_MULTIPART to a form whose part header holds a control character, and keeps no temp file', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer()
    const upload = await uploadForm(yixun, 'editor', 'media', { bytes: png, name: 'bell\u0007.png', type: 'image/png' }, { alt: '图' })
    expect(upload.status).toBe(400)
    expect(upload.body.errors[0].code).toBe('INVALID_MULTIPART')
    expect(await tempFiles()).toEqual([])
  })

  it('sweeps temp files left untouched for an hour, and leaves recent ones alone', async () => {
    await fs.mkdir(uploadsDir(), { recursive: true })
    const old = path.join(uploadsDir(), 'tmp-abandoned')
    const fresh = path.join(uploadsDir(), 'tmp-streaming')
    await fs.writeFile(old, 'x')
    await fs.writeFile(fresh, 'y')
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000)
    await fs.utimes(old, twoHoursAgo, twoHoursAgo)
    expect(await sweepUploadTempFiles()).toBe(1)
    expect(await tempFiles()).toEqual(['tmp-streaming'])
    await fs.rm(fresh)
  })
})

async function brochureData() {
  return { title: '门诊指南', audience: 'patient', departments: [await departmentId(yixun, 'CARD')] }
}
