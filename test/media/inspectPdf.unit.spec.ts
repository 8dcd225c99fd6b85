import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { inspectPdf } from '@/media/inspectPdf'
import { MediaRejection, type MediaRejectionCode } from '@/media/MediaRejection'
import { PDFString } from 'pdf-lib'

import { scratchDir } from './fixtures'
import {
  actionPdf,
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
} from './pdfFixtures'

let dir: string
let remove: () => Promise<void>

beforeAll(async () => {
  ;({ dir, remove } = await scratchDir('pdf'))
})

afterAll(() => remove())

async function expectRefused(bytes: Uint8Array, code: MediaRejectionCode, status = 422): Promise<MediaRejection> {
  const error = await inspectPdf(bytes).then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(MediaRejection)
  expect(error).toMatchObject({ code, status })
  return error as MediaRejection
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

describe('inspectPdf', () => {
  it('accepts a plain two-page notice and counts its pages', async () => {
    expect(await inspectPdf(await save(await plainPdf(2)))).toEqual({ pageCount: 2 })
    expect(await inspectPdf(await save(await plainPdf(3), { objectStreams: false }))).toEqual({ pageCount: 3 })
  })

  it('reads a file path as well as bytes', async () => {
    const file = path.join(dir, 'notice.pdf')
    await fs.writeFile(file, await save(await plainPdf(2)))
    expect(await inspectPdf(file)).toEqual({ pageCount: 2 })
  })

  it('decides by content: a PNG or text is not a PDF, whatever it is called', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer()
    await expectRefused(png, 'PDF_NOT_PDF', 415)
    await expectRefused(Buffer.from('Dear patients, the clinic moves.'), 'PDF_NOT_PDF', 415)
    await expectRefused(new Uint8Array(), 'PDF_NOT_PDF', 415)
  })

  it('refuses a PDF header that does not open the file (polyglots hide that way)', async () => {
    const bytes = await save(await plainPdf(1))
    await expectRefused(Buffer.concat([Buffer.from('<html><!-- '), bytes]), 'PDF_NOT_PDF', 415)
  })

  it('refuses a file that only starts like a PDF', async () => {
    await expectRefused(Buffer.from('%PDF-1.7\nthis is not really a pdf\n'), 'PDF_UNREADABLE')
  })

  it('refuses a script that runs on opening', async () => {
    await expectRefused(await openActionScriptPdf(), 'PDF_JAVASCRIPT')
  })

  it('refuses a script hidden in a compressed object stream under hex-escaped names', async () => {
    const bytes = await hiddenScriptPdf()
    // The point of the fixture: a byte search for the names finds nothing.
    expect(latin1(bytes)).not.toMatch(/JavaScript|\/JS\b/)
    expect(latin1(bytes)).toContain('/ObjStm')
    const rejection = await expectRefused(bytes, 'PDF_JAVASCRIPT')
    expect(rejection.detail).toMatch(/^\/(JavaScript|JS) /)
  })

  it('decodes lower-case hex escapes (/#4aava#53cript), which pdf-lib leaves alone', async () => {
    const bytes = await hiddenScriptPdf({ lowercase: true })
    expect(latin1(bytes)).not.toMatch(/JavaScript|\/JS\b/)
    const rejection = await expectRefused(bytes, 'PDF_JAVASCRIPT')
    expect(rejection.detail).toMatch(/^\/(JavaScript|JS) \(written \/#/)
  })

  it('refuses a document-level script in the names tree', async () => {
    await expectRefused(await namesTreeScriptPdf(), 'PDF_JAVASCRIPT')
  })

  it('refuses a script behind a link annotation', async () => {
    await expectRefused(await linkScriptPdf(), 'PDF_JAVASCRIPT')
  })

  it('refuses an action that launches a program', async () => {
    await expectRefused(await launchActionPdf(), 'PDF_LAUNCH_ACTION')
  })

  it('refuses attached files, at document level and as annotations', async () => {
    await expectRefused(await attachedFilePdf(), 'PDF_EMBEDDED_FILE')
    await expectRefused(await attachmentAnnotationPdf(), 'PDF_EMBEDDED_FILE')
  })

  it('refuses an encrypted PDF, with a classic trailer or a cross-reference stream', async () => {
    await expectRefused(await encryptedPdf(), 'PDF_ENCRYPTED')
    await expectRefused(await encryptedPdf({ objectStreams: true }), 'PDF_ENCRYPTED')
  })

  it('refuses an open action that calls a web address, opens a remote file, submits a form or imports data', async () => {
    await expectRefused(await actionPdf({ S: 'URI', URI: PDFString.of('https://tracker.example/open') }), 'PDF_EXTERNAL_ACTION')
    await expectRefused(await actionPdf({ S: 'GoToR', F: PDFString.of('\\\\server\\share\\x.pdf'), D: [0, 'Fit'] }), 'PDF_EXTERNAL_ACTION')
    await expectRefused(await actionPdf({ S: 'SubmitForm', F: PDFString.of('https://collect.example/') }), 'PDF_EXTERNAL_ACTION')
    await expectRefused(await actionPdf({ S: 'ImportData', F: PDFString.of('data.fdf') }), 'PDF_EXTERNAL_ACTION')
  })

  it('refuses a web call hidden in a page-open trigger or behind a harmless first action', async () => {
    await expectRefused(await actionPdf({ S: 'URI', URI: PDFString.of('https://tracker.example/page') }, 'pageOpen'), 'PDF_EXTERNAL_ACTION')
    await expectRefused(await actionPdf({ S: 'URI', URI: PDFString.of('https://tracker.example/next') }, 'chained'), 'PDF_EXTERNAL_ACTION')
    await expectRefused(await actionPdf({ S: 'SubmitForm', F: PDFString.of('https://collect.example/') }, 'link'), 'PDF_EXTERNAL_ACTION')
  })

  it('keeps a web link a reader clicks, but not a link to a local file', async () => {
    await expect(inspectPdf(await actionPdf({ S: 'URI', URI: PDFString.of('https://hospital.example.cn/clinic') }, 'link'))).resolves.toEqual({ pageCount: 1 })
    await expectRefused(await actionPdf({ S: 'URI', URI: PDFString.of('file:///etc/passwd') }, 'link'), 'PDF_EXTERNAL_ACTION')
  })

  it('tells people why in Chinese and English', async () => {
    const rejection = await expectRefused(await launchActionPdf(), 'PDF_LAUNCH_ACTION')
    expect(rejection.messages.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(rejection.messages.en).toMatch(/launches programs/)
  })
})
