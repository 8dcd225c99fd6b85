import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { buildFeed } from '@/feed/buildFeed'
import { mediaDirs } from '@/media/mediaConfig'
import type { PublishableCollection } from '@/workflow/states'

import { act, createAs, departmentId, eventData, noticeData } from './content'
import { uploadForm } from './upload'
import type { TestYixun } from './yixun'

type Id = number | string

/** A small PNG of one colour (a different colour is a different file). */
export const pngOf = (background: string) => sharp({ create: { width: 64, height: 48, channels: 3, background } }).png().toBuffer()

export async function uploadImage(yixun: TestYixun, alt: string, background = '#3a7') {
  const { status, body } = await uploadForm(yixun, 'editor', 'media', { bytes: await pngOf(background), name: 'poster.png', type: 'image/png' }, { alt })
  if (status !== 201) throw new Error(`image upload: ${status} ${JSON.stringify(body)}`)
  return body.doc as { id: Id; filename: string; url: string }
}

/** Submitted by the editor, approved by the reviewer: live now. */
export async function makeLive(yixun: TestYixun, collection: PublishableCollection, id: Id) {
  const submitted = await act(yixun, 'editor', collection, id, 'submit')
  const approved = await act(yixun, 'reviewer', collection, id, 'approve')
  if (approved.body.state !== 'published') throw new Error(`approve ${collection} ${id}: ${JSON.stringify([submitted.body, approved.body])}`)
}

/** A live notice with an image and an older version ("旧标题") to restore; its image is live too. */
export async function liveNoticeWithImage(yixun: TestYixun) {
  const image = await uploadImage(yixun, '心内科门诊大楼')
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { title: '旧标题：未经审核的版本', image: image.id, departments: [await departmentId(yixun, 'CARD')] }))
  await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { title: '心血管内科线上复诊开通' } })
  await makeLive(yixun, 'notices', notice.id)
  return { notice, image }
}

/** A live free-clinic event with a poster. */
export async function liveEventWithPoster(yixun: TestYixun) {
  const poster = await uploadImage(yixun, '义诊海报', '#a37')
  const event = await createAs(yixun, 'editor', 'free-clinic-events', await eventData(yixun, { poster: poster.id }))
  await makeLive(yixun, 'free-clinic-events', event.id)
  return { event, poster }
}

/** The oldest version of an item (what a restore would bring back). */
export async function oldestVersion(yixun: TestYixun, collection: PublishableCollection, id: Id) {
  const { docs } = await yixun.payload.findVersions({ collection, where: { parent: { equals: id } }, sort: 'createdAt', limit: 1, depth: 0 })
  return docs[0]
}

const FILE_ROUTES: Array<[RegExp, () => string]> = [
  [/\/api\/media\/file\/([^?]+)/, () => mediaDirs().images],
  [/\/api\/brochures\/file\/([^?]+)/, () => mediaDirs().brochures],
  [/\/api\/promo-videos\/outputs\/([^?]+)/, () => mediaDirs().videoOutputs],
]

/** The bytes behind every file URL in a feed (an image replaced under the same name shows here). */
async function filesOf(feedJson: string): Promise<Record<string, string>> {
  const urls = [...new Set(feedJson.match(/\/api\/(?:media|brochures|promo-videos)\/[^"]+/g) ?? [])].sort()
  const hashes: Record<string, string> = {}
  for (const url of urls) {
    const route = FILE_ROUTES.find(([pattern]) => pattern.test(url))
    if (!route) continue
    const file = path.join(route[1](), decodeURIComponent(url.match(route[0])![1]))
    const bytes = await fs.readFile(file).catch(() => null)
    hashes[url] = bytes ? createHash('sha1').update(bytes).digest('hex') : 'missing'
  }
  return hashes
}

/** What both apps get now: each feed's JSON and the bytes of every file it points at. */
export async function feedSnapshot(yixun: TestYixun, now = Date.now()): Promise<string> {
  const [patient, doctor] = await Promise.all([buildFeed(yixun.payload, 'patient', now), buildFeed(yixun.payload, 'doctor', now)])
  const json = JSON.stringify({ patient: patient.content, doctor: doctor.content })
  return JSON.stringify({ json, files: await filesOf(json) })
}
