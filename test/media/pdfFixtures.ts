import { PDFArray, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFString, rgb, StandardFonts } from 'pdf-lib'

/** A plain notice: `pages` A4 pages with a title and a red box near the top left of page 1. */
export async function plainPdf(pages = 2): Promise<PDFDocument> {
  const document = await PDFDocument.create()
  const font = await document.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < pages; i++) {
    const page = document.addPage([595, 842])
    page.drawText(`Outpatient notice, page ${i + 1}`, { x: 50, y: 780, size: 24, font })
    if (i === 0) page.drawRectangle({ x: 50, y: 500, width: 200, height: 200, color: rgb(1, 0, 0) })
  }
  return document
}

export async function save(document: PDFDocument, { objectStreams = true } = {}): Promise<Uint8Array> {
  return document.save({ useObjectStreams: objectStreams })
}

/** Opens with a script, the classic way: /OpenAction << /S /JavaScript /JS (…) >>, uncompressed. */
export async function openActionScriptPdf(): Promise<Uint8Array> {
  const document = await plainPdf(1)
  const action = document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hi")') })
  document.catalog.set(PDFName.of('OpenAction'), document.context.register(action))
  return save(document, { objectStreams: false })
}

/**
 * The script hides twice: its names are hex-escaped and the catalog holding it sits in a
 * compressed object stream, so neither `/JavaScript` nor `/JS` appears in the file's bytes.
 * `lowercase` uses escapes like `#4a`, which pdf-lib itself does not decode.
 */
export async function hiddenScriptPdf({ lowercase = false } = {}): Promise<Uint8Array> {
  const document = await plainPdf(1)
  const action = lowercase ? '<< /S /#4aava#53cript /#4a#53 (app.alert\\(1\\)) >>' : '<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>'
  // Written verbatim: pdf-lib would normalise a real PDFName back to `/JavaScript`.
  document.catalog.set(PDFName.of('OpenAction'), PDFInvalidObject.of(Buffer.from(action, 'latin1')))
  return save(document, { objectStreams: true })
}

/** A document-level script in the names tree: /Names << /JavaScript << /Names [(init) ref] >> >>. */
export async function namesTreeScriptPdf(): Promise<Uint8Array> {
  const document = await plainPdf(1)
  const { context } = document
  const script = context.register(context.obj({ S: 'JavaScript', JS: PDFHexString.fromText('this.print()') }))
  const tree = context.obj({ Names: [PDFString.of('init'), script] })
  document.catalog.set(PDFName.of('Names'), context.obj({ JavaScript: context.register(tree) }))
  return save(document)
}

/** A link annotation whose action runs a script when clicked. */
export async function linkScriptPdf(): Promise<Uint8Array> {
  const document = await plainPdf(1)
  const { context } = document
  const annotation = context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [50, 50, 200, 80],
    A: { S: 'JavaScript', JS: PDFString.of('app.launchURL("http://example.invalid")') },
  })
  document.getPage(0).node.set(PDFName.of('Annots'), context.obj([context.register(annotation)]))
  return save(document)
}

/** Opens by launching a program. */
export async function launchActionPdf(): Promise<Uint8Array> {
  const document = await plainPdf(1)
  const action = document.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe'), NewWindow: true })
  document.catalog.set(PDFName.of('OpenAction'), document.context.register(action))
  return save(document)
}

/** A file attached at document level (the /EmbeddedFiles names tree), as pdf-lib's `attach` makes it. */
export async function attachedFilePdf(): Promise<Uint8Array> {
  const document = await plainPdf(1)
  await document.attach(Buffer.from('MZ fake program'), 'schedule.exe', { mimeType: 'application/octet-stream' })
  return save(document)
}

/** A file attachment annotation on page 1 (the paper-clip icon), without the names tree. */
export async function attachmentAnnotationPdf(): Promise<Uint8Array> {
  const document = await plainPdf(1)
  const { context } = document
  const embedded = context.register(context.stream('hello', { Type: 'EmbeddedFile' }))
  const spec = context.obj({ Type: 'Filespec', F: PDFString.of('note.txt'), EF: { F: embedded } })
  const annotation = context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [10, 10, 30, 30], FS: spec })
  document.getPage(0).node.set(PDFName.of('Annots'), context.obj([context.register(annotation)]))
  return save(document)
}

/**
 * pdf-lib cannot encrypt, so this writes the /Encrypt dictionary a password-protected file has
 * (Standard handler, RC4 128) into the trailer; content stays readable, as in an owner-password PDF.
 */
export async function encryptedPdf({ objectStreams = false } = {}): Promise<Uint8Array> {
  const document = await plainPdf(1)
  const { context } = document
  const filler = PDFHexString.of('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A')
  const encrypt = context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904, O: filler, U: filler })
  context.trailerInfo.Encrypt = context.register(encrypt)
  context.trailerInfo.ID = PDFArray.withContext(context)
  ;(context.trailerInfo.ID as PDFArray).push(PDFHexString.of('0123456789ABCDEF0123456789ABCDEF'))
  ;(context.trailerInfo.ID as PDFArray).push(PDFHexString.of('0123456789ABCDEF0123456789ABCDEF'))
  return save(document, { objectStreams })
}

/** A PDF with an action placed where the caller says: the catalog's /OpenAction, page 1's /AA (on open), or a link annotation's /A. */
export async function actionPdf(action: Record<string, unknown>, where: 'openAction' | 'pageOpen' | 'link' | 'chained' = 'openAction'): Promise<Uint8Array> {
  const document = await plainPdf(1)
  const { context } = document
  const registered = context.register(context.obj(action as never))
  if (where === 'openAction') document.catalog.set(PDFName.of('OpenAction'), registered)
  if (where === 'chained') document.catalog.set(PDFName.of('OpenAction'), context.register(context.obj({ S: 'GoTo', D: [document.getPage(0).ref, 'Fit'], Next: registered } as never)))
  if (where === 'pageOpen') document.getPage(0).node.set(PDFName.of('AA'), context.obj({ O: registered }))
  if (where === 'link') {
    const annotation = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [50, 50, 200, 80], A: registered })
    document.getPage(0).node.set(PDFName.of('Annots'), context.obj([context.register(annotation)]))
  }
  return save(document)
}
