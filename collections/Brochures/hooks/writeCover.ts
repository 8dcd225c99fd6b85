import fs from 'node:fs/promises'
import path from 'node:path'

import type { CollectionAfterChangeHook } from 'payload'

import type { CoverFile } from '@/media/brochureCover'
import { mediaDirs } from '@/media/mediaConfig'
import type { Brochure } from '@/payload-types'

import { COVER_FILES } from './renderCover'

/** Writes the cover files rendered by `renderCover`, now that the brochure is stored. */
export const writeCover: CollectionAfterChangeHook<Brochure> = async ({ req }) => {
  const files = req.context[COVER_FILES] as CoverFile[] | undefined
  if (!files) return
  delete req.context[COVER_FILES]
  const dir = mediaDirs().brochures
  await fs.mkdir(dir, { recursive: true })
  await Promise.all(files.map(({ filename, bytes }) => fs.writeFile(path.join(dir, path.basename(filename)), bytes)))
}
