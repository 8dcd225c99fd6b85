import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

const KEPT = Symbol.for('yixun.keptLiveFiles')

type Kept = Array<{ original: string; aside: string }>

const namesOf = (doc: { filename?: string | null; sizes?: Record<string, { filename?: string | null } | null> | null }) =>
  [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)].filter((name): name is string => Boolean(name))

/**
 * The live version's file is what the apps get until the next approval. When a new file is uploaded
 * over a working copy that still shares the live file (an earlier draft edit changed only words),
 * Payload 3.90 deletes "the previous file" before any change hook runs, and that is the live PDF
 * or video (it only spares it when the latest version itself is published). So the live files are
 * hard-linked aside first and put back right after Payload's deletion (beforeValidate runs next).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const setAsideLiveFiles: CollectionBeforeOperationHook<any> = async ({ args, collection, operation, req }) => {
  if (operation !== 'update' || !req.file || !collection.upload || !('id' in args) || args.id === undefined) return args
  const live = await req.payload.findByID({ collection: collection.slug as never, id: args.id as never, draft: false, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!live || (live as { _status?: string })._status !== 'published') return args
  const dir = collection.upload.staticDir as string
  const kept: Kept = []
  for (const name of namesOf(live as never)) {
    const original = path.join(dir, name)
    const aside = path.join(dir, `.live-${randomBytes(6).toString('hex')}-${path.basename(name)}`)
    if (await fs.link(original, aside).then(() => true, () => false)) kept.push({ original, aside })
  }
  ;(req.context as Record<symbol, Kept>)[KEPT] = kept
  return args
}

export const putBackLiveFiles: CollectionBeforeValidateHook = async ({ req }) => {
  const kept = (req.context as Record<symbol, Kept | undefined>)[KEPT]
  if (!kept) return
  delete (req.context as Record<symbol, Kept | undefined>)[KEPT]
  for (const { original, aside } of kept) {
    await fs.link(aside, original).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error
    })
    await fs.unlink(aside).catch(() => {})
  }
}
