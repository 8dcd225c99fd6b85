import fs from 'node:fs/promises'

import { PDFArray, PDFDict, PDFDocument, PDFInvalidObject, PDFName, type PDFObject, PDFStream } from 'pdf-lib'

import { MediaRejection, type MediaRejectionCode } from './MediaRejection'

export type PdfInspection = { pageCount: number }

type UnsafeCode = Extract<MediaRejectionCode, 'PDF_JAVASCRIPT' | 'PDF_LAUNCH_ACTION' | 'PDF_EMBEDDED_FILE'>

/**
 * PDF names (as keys or values) that make a document do more than show pages. Patients open
 * these notices on their own devices, so anything that can run code or drop a file is refused.
 */
const UNSAFE_NAMES: ReadonlyMap<string, UnsafeCode> = new Map([
  ['JS', 'PDF_JAVASCRIPT'],
  ['JavaScript', 'PDF_JAVASCRIPT'],
  // XFA forms carry their own scripts.
  ['XFA', 'PDF_JAVASCRIPT'],
  ['Launch', 'PDF_LAUNCH_ACTION'],
  ['EmbeddedFiles', 'PDF_EMBEDDED_FILE'],
  ['EmbeddedFile', 'PDF_EMBEDDED_FILE'],
  ['EF', 'PDF_EMBEDDED_FILE'],
  ['FileAttachment', 'PDF_EMBEDDED_FILE'],
  ['RichMedia', 'PDF_EMBEDDED_FILE'],
  ['GoToE', 'PDF_EMBEDDED_FILE'],
])

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1')

/**
 * Accepts a PDF only when it is one by content, is not encrypted, and holds no scripts, launch
 * actions or embedded files anywhere: in any object, inside compressed object streams, and under
 * hex-escaped names such as `/J#61vaScript` (which a byte search misses).
 */
export async function inspectPdf(input: Uint8Array | string): Promise<PdfInspection> {
  const bytes = typeof input === 'string' ? await fs.readFile(input) : input
  // The header must open the file: readers tolerate junk before it, which is how polyglot files hide.
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PDF_MAGIC.length)).equals(PDF_MAGIC)) {
    throw new MediaRejection('PDF_NOT_PDF')
  }

  let document: PDFDocument
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })
  } catch (error) {
    throw new MediaRejection('PDF_UNREADABLE', { detail: (error as Error).message, cause: error })
  }
  // Encrypted strings and streams cannot be checked for scripts, so encryption alone refuses.
  if (document.isEncrypted) throw new MediaRejection('PDF_ENCRYPTED')

  const unsafe = findUnsafeContent(document)
  if (unsafe) throw new MediaRejection(unsafe.code, { detail: unsafe.detail })

  let pageCount: number
  try {
    pageCount = document.getPageCount()
  } catch (error) {
    throw new MediaRejection('PDF_UNREADABLE', { detail: (error as Error).message, cause: error })
  }
  if (pageCount < 1) throw new MediaRejection('PDF_UNREADABLE', { detail: 'no pages' })
  return { pageCount }
}

/**
 * Visits every object pdf-lib parsed (it reads the file front to back and unpacks object streams,
 * so objects the cross-reference table leaves out are seen too) plus the trailer.
 */
function findUnsafeContent(document: PDFDocument): { code: UnsafeCode; detail: string } | null {
  const { context } = document
  const pending: PDFObject[] = context.enumerateIndirectObjects().map(([, object]) => object)
  for (const value of Object.values(context.trailerInfo)) if (value) pending.push(value as PDFObject)

  // An explicit stack: a hostile file can nest arrays deep enough to overflow recursion.
  while (pending.length) {
    const object = pending.pop()!
    if (object instanceof PDFName) {
      const found = unsafeName(object)
      if (found) return found
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) pending.push(key, value)
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray())
    } else if (object instanceof PDFStream) {
      pending.push(object.dict)
    } else if (object instanceof PDFInvalidObject) {
      // pdf-lib could not parse it, but a forgiving viewer might: search its raw text for names.
      const found = unsafeNameInRawObject(object)
      if (found) return found
    }
  }
  return null
}

function unsafeName(name: PDFName): { code: UnsafeCode; detail: string } | null {
  // pdf-lib decodes `#XX` escapes only in upper case; viewers also decode `#xx`.
  const decoded = decodeNameEscapes(name.decodeText())
  const code = UNSAFE_NAMES.get(decoded)
  return code ? { code, detail: `/${decoded} (written ${name.asString()})` } : null
}

function unsafeNameInRawObject(object: PDFInvalidObject): { code: UnsafeCode; detail: string } | null {
  const raw = new Uint8Array(object.sizeInBytes())
  object.copyBytesInto(raw, 0)
  const text = Buffer.from(raw).toString('latin1')
  for (const match of text.matchAll(/\/([^\s/<>[\]()%{}]+)/g)) {
    const decoded = decodeNameEscapes(match[1]!)
    const code = UNSAFE_NAMES.get(decoded)
    if (code) return { code, detail: `/${decoded} in an object pdf-lib could not parse` }
  }
  return null
}

function decodeNameEscapes(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}
