import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { renderPdfCover } from '@/media/pdfCover'

import { scratchDir } from './fixtures'
import { plainPdf, save } from './pdfFixtures'

let dir: string
let remove: () => Promise<void>
let notice: string
const file = (name: string) => path.join(dir, name)
const savedRenderer = process.env.YIXUN_PDF_RENDERER

beforeAll(async () => {
  ;({ dir, remove } = await scratchDir('cover'))
  notice = file('notice.pdf')
  await fs.writeFile(notice, await save(await plainPdf(2)))
})

afterEach(() => {
  if (savedRenderer === undefined) delete process.env.YIXUN_PDF_RENDERER
  else process.env.YIXUN_PDF_RENDERER = savedRenderer
})

afterAll(() => remove())

/** RGB of one pixel, at a fraction of the width and height. */
async function pixel(png: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const at = (Math.floor(info.height * y) * info.width + Math.floor(info.width * x)) * info.channels
  return [data[at]!, data[at + 1]!, data[at + 2]!]
}

/** The darkest channel value inside a region given in fractions of the page. */
async function darkestIn(png: string, region: { left: number; top: number; width: number; height: number }): Promise<number> {
  const { width = 0, height = 0 } = await sharp(png).metadata()
  const { channels } = await sharp(png)
    .extract({
      left: Math.floor(region.left * width),
      top: Math.floor(region.top * height),
      width: Math.floor(region.width * width),
      height: Math.floor(region.height * height),
    })
    .stats()
  return Math.min(...channels.slice(0, 3).map((channel) => channel.min))
}

// The A4 page is 595×842 pt; the red box spans x 50–250 pt and y 142–342 pt from the top.
const RED_BOX = { x: 150 / 595, y: 242 / 842 }
const MARGIN = { x: 500 / 595, y: 800 / 842 }
/** The Helvetica title's line, 24 pt high from 62 pt below the top: proves the text was drawn. */
const TITLE = { left: 50 / 595, top: 40 / 842, width: 300 / 595, height: 30 / 842 }

describe.each(['pdftoppm', 'pdfjs'] as const)('renderPdfCover with %s', (renderer) => {
  it('renders page 1 to a PNG of the asked width and the page shape, on white', async () => {
    const out = file(`cover-${renderer}.png`)
    const cover = await renderPdfCover(notice, out, { width: 400, renderer })
    expect(cover.renderer).toBe(renderer)
    expect(cover.width).toBe(400)
    expect(Math.abs(cover.height - Math.round((400 * 842) / 595))).toBeLessThanOrEqual(1)
    expect(await sharp(out).metadata()).toMatchObject({ format: 'png', width: cover.width, height: cover.height })

    const [red, green, blue] = await pixel(out, RED_BOX.x, RED_BOX.y)
    expect(red).toBeGreaterThan(200)
    expect(green! + blue!).toBeLessThan(60)
    expect(await pixel(out, MARGIN.x, MARGIN.y)).toEqual([255, 255, 255])
    expect(await darkestIn(out, TITLE)).toBeLessThan(100)
  })
})

describe('renderPdfCover', () => {
  it('uses pdftoppm when it is on PATH', async () => {
    const cover = await renderPdfCover(notice, file('auto.png'), { width: 200 })
    expect(cover.renderer).toBe('pdftoppm')
  })

  it('falls back to pdfjs when told to by YIXUN_PDF_RENDERER (as on a machine without poppler)', async () => {
    process.env.YIXUN_PDF_RENDERER = 'pdfjs'
    const cover = await renderPdfCover(notice, file('env.png'), { width: 200 })
    expect(cover).toMatchObject({ renderer: 'pdfjs', width: 200 })
  })

  it('leaves no PNG and no partial file when the PDF cannot be rendered', async () => {
    const broken = file('broken.pdf')
    await fs.writeFile(broken, '%PDF-1.7\nnothing here\n')
    const out = path.join(dir, 'broken-out', 'cover.png')
    await fs.mkdir(path.dirname(out))
    await expect(renderPdfCover(broken, out, { width: 200 })).rejects.toThrow()
    expect(await fs.readdir(path.dirname(out))).toEqual([])
  })

  it('refuses a width that is not a sensible pixel count', async () => {
    await expect(renderPdfCover(notice, file('x.png'), { width: 0 })).rejects.toThrow(RangeError)
  })
})
