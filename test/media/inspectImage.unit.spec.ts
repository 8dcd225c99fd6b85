import { deflateSync } from 'node:zlib'

import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { DEFAULT_PIXEL_LIMIT, inspectImage, normaliseImage } from '@/media/inspectImage'
import { MediaRejection, type MediaRejectionCode } from '@/media/MediaRejection'

import { exifHasGps } from './fixtures'

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a7' } })

/** What a phone writes: pixels stored sideways (300×200), EXIF orientation 6, and where it was taken. */
async function phonePhoto(): Promise<Buffer> {
  return solid(300, 200)
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

async function animatedGif(frames: number): Promise<Buffer> {
  const colours = ['#f00', '#0f0', '#00f', '#ff0']
  const pngs = await Promise.all(
    Array.from({ length: frames }, (_, i) => sharp({ create: { width: 20, height: 10, channels: 4, background: colours[i % 4]! } }).png().toBuffer()),
  )
  return sharp(pngs, { join: { animated: true } }).gif().toBuffer()
}

/**
 * A PNG that declares 20000×20000 pixels (400 megapixels) in a few dozen bytes: a decompression
 * bomb's header. Nothing must try to decode it.
 */
function bombPngHeader(): Buffer {
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
  ihdr.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(20_001))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function crc32(bytes: Buffer): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

async function expectRefused(promise: Promise<unknown>, code: MediaRejectionCode, status: number): Promise<MediaRejection> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(MediaRejection)
  expect(error).toMatchObject({ code, status })
  return error as MediaRejection
}

describe('inspectImage', () => {
  it.each([
    ['jpeg', 'image/jpeg', () => solid(40, 30).jpeg().toBuffer()],
    ['png', 'image/png', () => solid(40, 30).png().toBuffer()],
    ['webp', 'image/webp', () => solid(40, 30).webp().toBuffer()],
    ['gif', 'image/gif', () => solid(40, 30).gif().toBuffer()],
    ['avif', 'image/avif', () => solid(40, 30).avif().toBuffer()],
  ] as const)('accepts %s and names its MIME type from the content', async (format, mime, make) => {
    expect(await inspectImage(await make())).toMatchObject({ format, mime, width: 40, height: 30, pages: 1 })
  })

  it('reports a sideways-stored phone photo in its upright size', async () => {
    expect(await inspectImage(await phonePhoto())).toMatchObject({ format: 'jpeg', width: 200, height: 300 })
  })

  it('counts the frames of an animated GIF and reports one frame\'s size', async () => {
    expect(await inspectImage(await animatedGif(3))).toMatchObject({ format: 'gif', pages: 3, width: 20, height: 10 })
  })

  it('refuses an SVG with a script, which sharp would happily rasterise', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("/api/users")</script><rect width="10" height="10"/></svg>')
    expect((await sharp(svg).metadata()).format).toBe('svg')
    await expectRefused(inspectImage(svg), 'IMAGE_SVG_REFUSED', 415)
  })

  it('refuses text, whatever the upload was called', async () => {
    await expectRefused(inspectImage(Buffer.from('Outpatient hours: 8:00–17:00\n')), 'IMAGE_NOT_AN_IMAGE', 415)
  })

  it('refuses image formats browsers do not show, such as TIFF', async () => {
    await expectRefused(inspectImage(await solid(8, 8).tiff().toBuffer()), 'IMAGE_FORMAT_NOT_ALLOWED', 415)
  })

  it('refuses a 400-megapixel decompression bomb from its header alone, under sharp\'s default limit', async () => {
    const bomb = bombPngHeader()
    expect(bomb.length).toBeLessThan(2048)
    expect(20_000 * 20_000).toBeGreaterThan(DEFAULT_PIXEL_LIMIT)
    const started = Date.now()
    const rejection = await expectRefused(inspectImage(bomb), 'IMAGE_TOO_LARGE', 413)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(rejection.detail).toContain('20000×20000')
  })

  it('applies a configured pixel limit, counting every frame of an animation', async () => {
    await expectRefused(inspectImage(await solid(100, 100).png().toBuffer(), { limitInputPixels: 5000 }), 'IMAGE_TOO_LARGE', 413)
    // 20×10 px × 3 frames = 600 px: one frame fits under 500, the animation does not.
    await expectRefused(inspectImage(await animatedGif(3), { limitInputPixels: 500 }), 'IMAGE_TOO_LARGE', 413)
    expect(await inspectImage(await solid(100, 100).png().toBuffer(), { limitInputPixels: 10_000 })).toMatchObject({ width: 100 })
  })

  it('refuses a JPEG cut short by an interrupted upload', async () => {
    const whole = await solid(400, 300).jpeg().toBuffer()
    await expectRefused(inspectImage(whole.subarray(0, Math.floor(whole.length * 0.6))), 'IMAGE_UNREADABLE', 422)
  })
})

describe('normaliseImage', () => {
  it('turns a phone photo upright and strips its EXIF, GPS position included', async () => {
    const photo = await phonePhoto()
    const before = await sharp(photo).metadata()
    expect(before).toMatchObject({ width: 300, height: 200, orientation: 6 })
    expect(exifHasGps(before.exif!)).toBe(true)

    const result = await normaliseImage(photo)
    expect(result).toMatchObject({ format: 'jpeg', mime: 'image/jpeg', width: 200, height: 300 })
    const after = await sharp(result.buffer).metadata()
    expect(after).toMatchObject({ format: 'jpeg', width: 200, height: 300 })
    expect(after.orientation).toBeUndefined()
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.iptc).toBeUndefined()
    expect(result.buffer.includes(Buffer.from('PhoneMaker'))).toBe(false)
  })

  it('keeps the format it was given, and every frame of an animation', async () => {
    const png = await normaliseImage(await solid(40, 30).png().toBuffer())
    expect(await sharp(png.buffer).metadata()).toMatchObject({ format: 'png', width: 40, height: 30 })
    const gif = await normaliseImage(await animatedGif(3))
    expect(gif.mime).toBe('image/gif')
    expect(await sharp(gif.buffer).metadata()).toMatchObject({ format: 'gif', pages: 3 })
  })

  it('refuses what inspectImage refuses, including an SVG too broken for sharp to size', async () => {
    await expectRefused(normaliseImage(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')), 'IMAGE_SVG_REFUSED', 415)
    await expectRefused(normaliseImage(Buffer.from('plain text')), 'IMAGE_NOT_AN_IMAGE', 415)
  })
})
