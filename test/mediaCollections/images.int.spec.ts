import fs from 'node:fs/promises'
import path from 'node:path'
import { deflateSync } from 'node:zlib'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDirs } from '@/media/mediaConfig'

import { act, createAs, noticeData } from '../helpers/content'
import { filesUnder, getRaw, uploadForm, useScratchMediaDir } from '../helpers/upload'
import { startYixun, type TestYixun } from '../helpers/yixun'
import { exifHasGps } from '../media/fixtures'

let yixun: TestYixun
let mediaDir: string

beforeAll(async () => {
  mediaDir = await useScratchMediaDir('images')
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await fs.rm(mediaDir, { recursive: true, force: true })
})

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a7' } })

/** What a phone writes: pixels stored sideways (1200×800), EXIF orientation 6, and where it was taken. */
async function phonePhoto(): Promise<Buffer> {
  return solid(1200, 800)
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: 'PhoneMaker', Model: 'Camera 1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 13/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 12/1' },
      },
    })
    .toBuffer()
}

/** A PNG header declaring 20000×20000 pixels in a few dozen bytes: a decompression bomb. */
function bombPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(20_000, 0)
  ihdr.writeUInt32BE(20_000, 4)
  ihdr.set([8, 0, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(20_001))), chunk('IEND', Buffer.alloc(0))])
}

function crc32(bytes: Buffer): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

const SCRIPTED_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>')

async function upload(bytes: Buffer, name: string, type: string, data: Record<string, unknown> = { alt: '门诊大厅导视图' }) {
  return uploadForm(yixun, 'editor', 'media', { bytes, name, type }, data)
}

async function leftovers() {
  const [images, files, uploads] = await Promise.all([yixun.payload.count({ collection: 'media' }), filesUnder(mediaDirs().images), filesUnder(mediaDirs().uploads)])
  return { images: images.totalDocs, files, uploads }
}

describe('uploading an image', () => {
  it('makes thumbnail, card and hero sizes, each also as WebP', async () => {
    const { status, body } = await upload(await solid(2000, 1000).jpeg().toBuffer(), 'banner.jpg', 'image/jpeg')
    expect(status).toBe(201)
    const { doc } = body
    expect(doc).toMatchObject({ filename: 'banner.jpg', mimeType: 'image/jpeg', width: 2000, height: 1000 })
    for (const [name, width] of [['thumbnail', 320], ['card', 750], ['hero', 1500]] as const) {
      expect(doc.sizes[name]).toMatchObject({ width, height: width / 2, mimeType: 'image/jpeg' })
      expect(doc.sizes[`${name}Webp`]).toMatchObject({ width, height: width / 2, mimeType: 'image/webp' })
      const file = path.join(mediaDirs().images, doc.sizes[`${name}Webp`].filename)
      expect((await sharp(file).metadata()).format).toBe('webp')
    }
  })

  it('turns a phone photo upright and publishes no metadata: no GPS position, camera or orientation', async () => {
    const photo = await phonePhoto()
    expect(exifHasGps((await sharp(photo).metadata()).exif!)).toBe(true)
    const { status, body } = await upload(photo, 'IMG_0001.JPG', 'image/jpeg')
    expect(status).toBe(201)
    expect(body.doc).toMatchObject({ width: 800, height: 1200 })
    const stored = [body.doc.filename, ...Object.values(body.doc.sizes as Record<string, { filename: string | null }>).map((size) => size.filename)].filter(Boolean) as string[]
    expect(stored.length).toBeGreaterThan(1)
    for (const name of stored) {
      const bytes = await fs.readFile(path.join(mediaDirs().images, name))
      const metadata = await sharp(bytes).metadata()
      expect(metadata.exif).toBeUndefined()
      expect(metadata.orientation).toBeUndefined()
      expect(bytes.includes('PhoneMaker')).toBe(false)
      expect(metadata.height! >= metadata.width!).toBe(true)
    }
  })

  it.each([
    ['an SVG carrying a script', SCRIPTED_SVG, 'logo.svg', 'image/svg+xml', 415, 'IMAGE_SVG_REFUSED'],
    ['an SVG renamed .png', SCRIPTED_SVG, 'logo.png', 'image/png', 415, 'IMAGE_SVG_REFUSED'],
    ['a text file renamed .jpg', Buffer.from('not a picture at all'), 'photo.jpg', 'image/jpeg', 415, 'IMAGE_NOT_AN_IMAGE'],
    ['a decompression bomb (400 megapixels declared)', bombPng(), 'huge.png', 'image/png', 413, 'IMAGE_TOO_LARGE'],
  ])('refuses %s and keeps nothing', async (_label, bytes, name, type, status, code) => {
    const before = await leftovers()
    const response = await upload(bytes, name, type)
    expect(response.status).toBe(status)
    expect(response.body.errors[0].code).toBe(code)
    expect(await leftovers()).toEqual(before)
  })

  it('requires alt text for every image', async () => {
    const png = await solid(50, 50).png().toBuffer()
    for (const alt of [undefined, '   ']) {
      const response = await upload(png, 'no-alt.png', 'image/png', alt === undefined ? {} : { alt })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].data.errors[0].path).toBe('alt')
    }
  })
})

describe('serving images', () => {
  it('serves an image to the apps only while a published notice shows it', async () => {
    const { body } = await upload(await solid(800, 400).jpeg().toBuffer(), 'notice-image.jpg', 'image/jpeg')
    const image = body.doc
    const fileUrl = image.url.replace(/^\/api\//, '')
    const staff = await getRaw(yixun, 'viewer', fileUrl)
    expect(staff.status).toBe(200)
    expect(staff.headers.get('content-type')).toBe('image/jpeg')
    expect(staff.headers.get('x-content-type-options')).toBe('nosniff')

    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { image: image.id }))
    expect((await getRaw(yixun, null, fileUrl)).status).toBe(401)
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    expect((await act(yixun, 'reviewer', 'notices', notice.id, 'approve')).body.state).toBe('published')

    const anonymous = await getRaw(yixun, null, fileUrl)
    expect(anonymous.status).toBe(200)
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=300')
    expect((await getRaw(yixun, null, image.sizes.cardWebp.url.replace(/^\/api\//, ''))).headers.get('content-type')).toBe('image/webp')

    await act(yixun, 'reviewer', 'notices', notice.id, 'withdraw')
    expect((await getRaw(yixun, null, fileUrl)).status).toBe(401)
  })
})
