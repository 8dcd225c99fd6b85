import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import type { PosterSize } from './transcodeStatus'

/** Widths the apps pick from (list thumbnails, cards); the full-size poster is the third choice. */
export const POSTER_WIDTHS = [320, 640] as const

/**
 * Responsive versions of a transcode's poster, written beside it: JPEG and WebP at each width
 * the poster reaches, plus a WebP of the full poster. Never enlarges.
 */
export async function writePosterSizes(dir: string, poster = 'poster.jpg'): Promise<PosterSize[]> {
  const source = path.join(dir, poster)
  const { width = 0 } = await sharp(source).metadata()
  const stem = poster.replace(/\.[^.]+$/, '')
  const sizes: PosterSize[] = []
  for (const target of [...POSTER_WIDTHS.filter((w) => w < width), width]) {
    const full = target === width
    const name = full ? stem : `${stem}-${target}`
    const resized = sharp(source).resize({ width: target, withoutEnlargement: true })
    const jpeg = `${name}.jpg`
    const webp = `${name}.webp`
    if (!full) await resized.clone().jpeg({ quality: 82, mozjpeg: true }).toFile(path.join(dir, jpeg))
    const info = await resized.clone().webp({ quality: 80 }).toFile(path.join(dir, webp))
    sizes.push({ width: info.width, height: info.height, jpeg, webp })
  }
  return sizes
}

/** Bytes of the files a transcode folder holds. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size
  }
  return total
}
