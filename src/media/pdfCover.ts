import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'

import { setting } from '@/config/settings'

import { findOnPath } from './findExecutable'

const execFileAsync = promisify(execFile)

export type PdfRenderer = 'pdftoppm' | 'pdfjs'

export type PdfCoverOptions = {
  /** Pixel width of the cover; the height follows the page's shape. */
  width?: number
  /** `auto` (default): pdftoppm when on PATH, else pdfjs. Also settable with YIXUN_PDF_RENDERER. */
  renderer?: PdfRenderer | 'auto'
}

export type PdfCover = { width: number; height: number; renderer: PdfRenderer }

export const DEFAULT_COVER_WIDTH = 800

/** Longest a cover may take before it counts as failed (ms); a hostile PDF can make renderers spin. */
const RENDER_TIMEOUT = 60_000

/**
 * Renders page 1 of an inspected PDF to a PNG. Poppler's pdftoppm takes ~0.05 s; pdfjs-dist with
 * @napi-rs/canvas (~0.3–1 s) needs nothing outside node_modules, so a plain `npm install` still works.
 * The PNG appears at `outPng` complete or not at all.
 */
export async function renderPdfCover(file: string, outPng: string, { width = DEFAULT_COVER_WIDTH, renderer }: PdfCoverOptions = {}): Promise<PdfCover> {
  if (!Number.isInteger(width) || width < 1 || width > 10_000) throw new RangeError(`cover width must be 1–10000 px, got ${width}`)
  const choice = renderer ?? rendererFromEnv()
  const pdftoppm = choice === 'pdfjs' ? null : await findOnPath('pdftoppm')
  if (choice === 'pdftoppm' && !pdftoppm) throw new Error('pdftoppm is not on PATH (Debian: apt-get install poppler-utils)')

  const partial = `${outPng}.partial-${randomBytes(4).toString('hex')}`
  try {
    let used: PdfRenderer = 'pdfjs'
    if (pdftoppm) {
      try {
        await renderWithPdftoppm(pdftoppm, file, partial, width)
        used = 'pdftoppm'
      } catch (error) {
        // Forced pdftoppm reports its own failure; `auto` gives pdfjs a chance with an odd file.
        if (choice === 'pdftoppm') throw error
        await renderWithPdfjs(file, partial, width)
      }
    } else {
      await renderWithPdfjs(file, partial, width)
    }
    const size = await pngSize(partial)
    await fs.rename(partial, outPng)
    return { ...size, renderer: used }
  } finally {
    await fs.rm(partial, { force: true })
  }
}

function rendererFromEnv(): PdfRenderer | 'auto' {
  return setting('YIXUN_PDF_RENDERER')!
}

async function renderWithPdftoppm(pdftoppm: string, file: string, outFile: string, width: number): Promise<void> {
  // pdftoppm appends `.png` to the prefix it is given when -singlefile is set.
  const prefix = `${outFile}-poppler`
  try {
    await execFileAsync(
      pdftoppm,
      ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', String(width), '-scale-to-y', '-1', file, prefix],
      { timeout: RENDER_TIMEOUT },
    )
    await fs.rename(`${prefix}.png`, outFile)
  } finally {
    await fs.rm(`${prefix}.png`, { force: true })
  }
}

async function renderWithPdfjs(file: string, outFile: string, width: number): Promise<void> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const assets = pdfjsAssetDirs()
  const task = pdfjs.getDocument({
    data: new Uint8Array(await fs.readFile(file)),
    isEvalSupported: false,
    // Chinese notices often use fonts the PDF does not embed: those need the CMaps and standard fonts.
    cMapUrl: assets.cMaps,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFonts,
    wasmUrl: assets.wasm,
    iccUrl: assets.iccs,
    verbosity: 0,
  })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`pdfjs took longer than ${RENDER_TIMEOUT} ms`)), RENDER_TIMEOUT)
  })
  try {
    await Promise.race([timeout, (async () => {
      const document = await task.promise
      const page = await document.getPage(1)
      const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width })
      // pdfjs's own factory: pdfjs-dist 5 loads its own @napi-rs/canvas (0.1.x) and polyfills Path2D
      // from it; a canvas from another copy (the app's 1.x) rejects those paths when drawing text.
      const factory = document.canvasFactory as NodeCanvasFactory
      const { canvas, context } = factory.create(width, Math.max(1, Math.round(viewport.height)))
      // White first: a page without a background would otherwise come out transparent.
      context.fillStyle = '#ffffff'
      context.fillRect(0, 0, canvas.width, canvas.height)
      await page.render({ canvas: null, canvasContext: context, viewport }).promise
      await fs.writeFile(outFile, await canvas.encode('png'))
      factory.destroy({ canvas, context })
    })()])
  } finally {
    clearTimeout(timer)
    await task.destroy()
  }
}

/** What pdfjs's Node canvas factory hands out: an @napi-rs/canvas canvas and its 2D context. */
type NodeCanvasFactory = {
  create(width: number, height: number): { canvas: { width: number; height: number; encode(format: 'png'): Promise<Buffer> }; context: CanvasRenderingContext2D }
  destroy(canvasAndContext: { canvas: unknown; context: unknown }): void
}

/** pdfjs-dist's data folders as paths with a trailing slash, the form its Node loaders expect. */
function pdfjsAssetDirs(): { cMaps: string; standardFonts: string; wasm: string; iccs: string } {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  const dir = (name: string) => `${path.join(root, name)}${path.sep}`
  return { cMaps: dir('cmaps'), standardFonts: dir('standard_fonts'), wasm: dir('wasm'), iccs: dir('iccs') }
}

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const handle = await fs.open(file, 'r')
  try {
    const header = Buffer.alloc(24)
    await handle.read(header, 0, 24, 0)
    if (header.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`)
    return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) }
  } finally {
    await handle.close()
  }
}
