import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { scratchDir } from './mediaConfig'
import { type PdfRenderer, renderPdfCover } from './pdfCover'

/** Cover widths (px): list thumbnail, card, full-width hero. Each in JPEG and WebP. */
export const COVER_SIZES = [
  { name: 'thumbnail', width: 320 },
  { name: 'card', width: 750 },
  { name: 'hero', width: 1500 },
] as const

export type CoverSizeName = (typeof COVER_SIZES)[number]['name'] | `${(typeof COVER_SIZES)[number]['name']}Webp`

/** One rendered cover file: what Payload stores in `sizes.<name>` plus the bytes to write. */
export type CoverFile = { name: CoverSizeName; filename: string; width: number; height: number; mimeType: string; filesize: number; bytes: Buffer }

/**
 * Renders page 1 of a checked PDF once, as wide as the widest size, and makes every size from
 * it (never larger than the render). Returns the files in memory: the caller writes them only
 * once the document is stored, so a refused save leaves nothing on disk.
 */
export async function renderCoverSizes(pdfFile: string, stem: string): Promise<{ files: CoverFile[]; renderer: PdfRenderer }> {
  await fs.mkdir(scratchDir(), { recursive: true })
  const png = path.join(scratchDir(), `cover-${randomBytes(8).toString('hex')}.png`)
  try {
    const rendered = await renderPdfCover(pdfFile, png, { width: COVER_SIZES[COVER_SIZES.length - 1].width })
    const source = await fs.readFile(png)
    const files: CoverFile[] = []
    for (const { name, width } of COVER_SIZES) {
      const resized = sharp(source).resize({ width: Math.min(width, rendered.width), withoutEnlargement: true }).flatten({ background: '#ffffff' })
      for (const format of ['jpeg', 'webp'] as const) {
        const { data, info } = await (format === 'jpeg' ? resized.clone().jpeg({ quality: 82, mozjpeg: true }) : resized.clone().webp({ quality: 80 })).toBuffer({ resolveWithObject: true })
        files.push({
          name: format === 'jpeg' ? name : `${name}Webp`,
          filename: `${stem}-cover-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`,
          width: info.width,
          height: info.height,
          mimeType: `image/${format}`,
          filesize: data.length,
          bytes: data,
        })
      }
    }
    return { files, renderer: rendered.renderer }
  } finally {
    await fs.rm(png, { force: true })
  }
}
