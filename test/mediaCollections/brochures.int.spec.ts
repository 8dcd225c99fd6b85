import fs from 'node:fs/promises'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDirs } from '@/media/mediaConfig'
import { publishedBrochureMedia } from '@/media/publishedMedia'

import { act, departmentId } from '../helpers/content'
import { filesUnder, getRaw, uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'
import {
  attachedFilePdf,
  attachmentAnnotationPdf,
  encryptedPdf,
  hiddenScriptPdf,
  launchActionPdf,
  linkScriptPdf,
  namesTreeScriptPdf,
  openActionScriptPdf,
  plainPdf,
  save,
} from '../media/pdfFixtures'

let yixun: TestYixun
let mediaDir: string
let threePages: Uint8Array

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('brochures')
  yixun = await startYixun()
  threePages = await save(await plainPdf(3))
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await fs.rm(mediaDir, { recursive: true, force: true })
})

async function brochureData(overrides: Record<string, unknown> = {}) {
  return { title: '高血压患者居家管理手册', description: '测量血压、用药和饮食。', audience: 'patient', departments: [await departmentId(yixun, 'CARD')], ...overrides }
}

async function upload(bytes: Uint8Array = threePages, name = '高血压手册.pdf', type = 'application/pdf', data?: Record<string, unknown>) {
  return uploadForm(yixun, 'editor', 'brochures', { bytes, name, type }, data ?? (await brochureData()))
}

async function leftovers() {
  const [brochures, files, uploads] = await Promise.all([yixun.payload.count({ collection: 'brochures' }), filesUnder(mediaDirs().brochures), filesUnder(mediaDirs().uploads)])
  return { brochures: brochures.totalDocs, files, uploads }
}

const apiPath = (url: string) => url.replace(/^\/api\//, '')

describe('uploading a brochure', () => {
  it('stores the page count and a cover of page 1 in three widths, as JPEG and WebP', async () => {
    const { status, body } = await upload()
    expect(status).toBe(201)
    const doc = body.doc
    expect(doc).toMatchObject({ filename: '高血压手册.pdf', mimeType: 'application/pdf', pageCount: 3, workflowState: 'draft' })
    for (const [name, width] of [['thumbnail', 320], ['card', 750], ['hero', 1500]] as const) {
      // A4 is 595 × 842 points: the cover keeps its shape.
      const height = Math.round((width * 842) / 595)
      expect(doc.sizes[name]).toMatchObject({ filename: `高血压手册-cover-${width}.jpg`, width, mimeType: 'image/jpeg' })
      expect(doc.sizes[`${name}Webp`]).toMatchObject({ filename: `高血压手册-cover-${width}.webp`, width, mimeType: 'image/webp' })
      expect(Math.abs(doc.sizes[name].height - height)).toBeLessThanOrEqual(1)
    }
    expect(await filesUnder(mediaDirs().brochures)).toEqual(
      expect.arrayContaining(['高血压手册.pdf', '高血压手册-cover-320.jpg', '高血压手册-cover-320.webp', '高血压手册-cover-1500.webp']),
    )
    // Page 1 has a red square near its top left: the cover really shows page 1.
    const cover = await sharp(`${mediaDirs().brochures}/高血压手册-cover-750.jpg`).raw().toBuffer({ resolveWithObject: true })
    const at = (x: number, y: number) => Array.from(cover.data.subarray((y * cover.info.width + x) * 3, (y * cover.info.width + x) * 3 + 3))
    const [r, g, b] = at(Math.round((150 / 595) * 750), Math.round(((842 - 600) / 842) * cover.info.height))
    expect(r).toBeGreaterThan(200)
    expect(g).toBeLessThan(60)
    expect(b).toBeLessThan(60)
  })

  it('decides by content, not by name: a PDF sent as a PNG is stored as a PDF', async () => {
    const { status, body } = await upload(threePages, 'scan.png', 'image/png')
    expect(status).toBe(201)
    expect(body.doc).toMatchObject({ filename: 'scan.pdf', mimeType: 'application/pdf', pageCount: 3 })
  })

  it.each([
    ['an image renamed .pdf', async () => sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).png().toBuffer(), 415, 'PDF_NOT_PDF'],
    ['an encrypted PDF', () => encryptedPdf(), 422, 'PDF_ENCRYPTED'],
    ['a PDF that runs a script when opened', () => openActionScriptPdf(), 422, 'PDF_JAVASCRIPT'],
    ['a script hidden in a compressed object stream under escaped names', () => hiddenScriptPdf(), 422, 'PDF_JAVASCRIPT'],
    ['a document-level script', () => namesTreeScriptPdf(), 422, 'PDF_JAVASCRIPT'],
    ['a link that runs a script', () => linkScriptPdf(), 422, 'PDF_JAVASCRIPT'],
    ['a launch action', () => launchActionPdf(), 422, 'PDF_LAUNCH_ACTION'],
    ['an attached file', () => attachedFilePdf(), 422, 'PDF_EMBEDDED_FILE'],
    ['a file attachment annotation', () => attachmentAnnotationPdf(), 422, 'PDF_EMBEDDED_FILE'],
  ])('refuses %s and keeps nothing', async (_label, make, status, code) => {
    const before = await leftovers()
    const response = await upload(await make(), 'brochure.pdf')
    expect(response.status).toBe(status)
    expect(response.body.errors[0].code).toBe(code)
    expect(await leftovers()).toEqual(before)
  })

  it('writes no cover when the brochure itself is refused (a missing title)', async () => {
    const before = await leftovers()
    const response = await upload(threePages, 'untitled.pdf', 'application/pdf', await brochureData({ title: '' }))
    expect(response.status).toBe(400)
    expect(await leftovers()).toEqual(before)
  })

  it('makes the cover with the bundled renderer when no system tool is used', async () => {
    // drizzle-kit (loaded only for the tests' schema push) adds an enumerable Array.prototype.random,
    // which pdfjs refuses to run beside; production never loads drizzle-kit.
    Object.defineProperty(Array.prototype, 'random', { enumerable: false })
    process.env.YIXUN_PDF_RENDERER = 'pdfjs'
    try {
      const { status, body } = await upload(threePages, 'pdfjs.pdf')
        expect(status).toBe(201)
      expect(body.doc.sizes.card).toMatchObject({ width: 750, filename: 'pdfjs-cover-750.jpg' })
      expect((await sharp(`${mediaDirs().brochures}/pdfjs-cover-750.jpg`).metadata()).width).toBe(750)
    } finally {
      delete process.env.YIXUN_PDF_RENDERER
    }
  })
})

describe('serving brochures', () => {
  it('serves the PDF and its cover to staff, and to the apps only while published', async () => {
    const { body } = await upload(threePages, 'serving.pdf')
    const doc = body.doc
    expect((await getRaw(yixun, null, apiPath(doc.url))).status).toBe(401)
    expect(await publishedBrochureMedia(yixun.payload, doc.id)).toBeNull()

    const staff = await getRaw(yixun, 'viewer', apiPath(doc.url))
    expect(staff.status).toBe(200)
    expect(staff.headers.get('content-type')).toBe('application/pdf')
    expect(staff.headers.get('x-content-type-options')).toBe('nosniff')
    expect(staff.headers.get('cache-control')).toBe('private, no-store')
    expect(staff.headers.get('content-disposition')).toBe(`inline; filename="serving.pdf"; filename*=UTF-8''serving.pdf`)

    await act(yixun, 'editor', 'brochures', doc.id, 'submit')
    expect((await act(yixun, 'reviewer', 'brochures', doc.id, 'approve')).body.state).toBe('published')
    const media = await publishedBrochureMedia(yixun.payload, doc.id)
    expect(media).toMatchObject({ pdf: doc.url, pageCount: 3 })
    expect(media!.cover.map(({ width }) => width)).toEqual([320, 750, 1500])

    const pdf = await getRaw(yixun, null, apiPath(media!.pdf), { Range: 'bytes=0-4' })
    expect(pdf.status).toBe(206)
    expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1')).toBe('%PDF-')
    const cover = await getRaw(yixun, null, apiPath(media!.cover[0]!.webp))
    expect(cover.status).toBe(200)
    expect(cover.headers.get('content-type')).toBe('image/webp')
    expect(cover.headers.get('cache-control')).toBe('public, max-age=300')

    await act(yixun, 'reviewer', 'brochures', doc.id, 'withdraw')
    expect((await getRaw(yixun, null, apiPath(media!.pdf))).status).toBe(401)
    expect((await getRaw(yixun, null, apiPath(media!.cover[0]!.webp))).status).toBe(401)
  })

  it('keeps names from the URL inside the brochures folder', async () => {
    for (const attempt of ['brochures/file/..%2F..%2Fetc%2Fpasswd', 'brochures/file/%2E%2E%2Fimages%2Fx.jpg', 'brochures/file/..%5C..%5Cx.pdf']) {
      const response = await getRaw(yixun, 'admin', attempt)
      expect([400, 403, 404]).toContain(response.status)
    }
  })
})
