import fs from 'node:fs/promises'

import { PDFArray, type PDFContext, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, type PDFObject, PDFStream, PDFString } from 'pdf-lib'

import { MediaRejection, type MediaRejectionCode } from './MediaRejection'

export type PdfInspection = { pageCount: number }

type UnsafeCode = Extract<MediaRejectionCode, 'PDF_JAVASCRIPT' | 'PDF_LAUNCH_ACTION' | 'PDF_EMBEDDED_FILE' | 'PDF_EXTERNAL_ACTION'>

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
  // Open another (remote) file, send form data somewhere, or pull data in: a brochure needs none of these.
  ['GoToR', 'PDF_EXTERNAL_ACTION'],
  ['SubmitForm', 'PDF_EXTERNAL_ACTION'],
  ['ImportData', 'PDF_EXTERNAL_ACTION'],
])

/** Schemes a link a reader clicks may open; anything else (file:, smb:, javascript:) is refused. */
const CLICKABLE_SCHEMES = /^(https?:|mailto:|tel:)/i
/** Actions followed through /Next chains (a hostile file may chain or loop them). */
const MAX_ACTIONS = 100

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1')

/**
 * Accepts a PDF only when it is one by content, is not encrypted, and holds no scripts, launch,
 * remote-file, form-submission or data-import actions, automatic web calls or embedded files anywhere: in any object, inside compressed object streams, and under
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
      const action = uriActionProblem(context, object)
      if (action) return action
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

/**
 * Web links: a reader's click on a link annotation (/A) may open an http(s), mailto or tel URI;
 * an action that runs by itself — on opening (/OpenAction) or on page, field or annotation
 * events (/AA) — may not open any URI at all (it would call out from a patient's phone unasked).
 */
function uriActionProblem(context: PDFContext, dict: PDFDict): { code: UnsafeCode; detail: string } | null {
  const automatic: PDFObject[] = []
  const openAction = dict.get(PDFName.of('OpenAction'))
  if (openAction) automatic.push(openAction)
  const triggers = context.lookup(dict.get(PDFName.of('AA')))
  if (triggers instanceof PDFDict) automatic.push(...triggers.values())
  const [called] = actionUris(context, automatic)
  if (called !== undefined) return { code: 'PDF_EXTERNAL_ACTION', detail: `automatic URI action ${called}` }
  const clicked = dict.get(PDFName.of('A'))
  const local = clicked ? actionUris(context, [clicked]).find((uri) => !CLICKABLE_SCHEMES.test(uri)) : undefined
  return local === undefined ? null : { code: 'PDF_EXTERNAL_ACTION', detail: `link to ${local}` }
}

/** The URIs of URI actions among these actions and their /Next chains. */
function actionUris(context: PDFContext, actions: PDFObject[]): string[] {
  const uris: string[] = []
  const pending = [...actions]
  for (let seen = 0; pending.length > 0 && seen < MAX_ACTIONS; seen++) {
    const action = context.lookup(pending.pop())
    if (action instanceof PDFArray) {
      pending.push(...action.asArray())
      continue
    }
    if (!(action instanceof PDFDict)) continue
    const type = context.lookup(action.get(PDFName.of('S')))
    if (type instanceof PDFName && decodeNameEscapes(type.decodeText()) === 'URI') {
      const uri = context.lookup(action.get(PDFName.of('URI')))
      uris.push(uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : '(no URI)')
    }
    const next = action.get(PDFName.of('Next'))
    if (next) pending.push(next)
  }
  return uris
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
