import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { type Id, refId } from '@/content/ids'
import { YixunError } from '@/errors'

import { refersToImages, walkFields } from './publishedImages'

type Use = { collection: string; id: Id; title: string }

/** Working copies a reviewer is judging or has approved: what they saw must stay what they saw. */
const JUDGED_WORKING_COPY: Where = { workflowState: { in: ['in_review', 'approved'] } }

/**
 * The items whose live version, or whose working copy under review or approved, shows one of these
 * images (upload fields and images in rich text, any depth).
 */
export async function reviewedUsesOf(req: PayloadRequest, mediaIds: Id[]): Promise<Use[]> {
  const wanted = new Set(mediaIds.map(String))
  const uses = new Map<string, Use>()
  for (const { config } of Object.values(req.payload.collections)) {
    const drafts = typeof config.versions === 'object' && config.versions?.drafts
    if (!drafts || !refersToImages(config.flattenedFields)) continue
    const slug = config.slug as CollectionSlug
    const [live, judged] = await Promise.all([
      req.payload.find({ collection: slug, where: { _status: { equals: 'published' } }, depth: 0, pagination: false, overrideAccess: true, req }),
      req.payload.find({ collection: slug, where: JUDGED_WORKING_COPY, draft: true, depth: 0, pagination: false, overrideAccess: true, req }),
    ])
    for (const doc of [...live.docs, ...judged.docs] as unknown as Array<Record<string, unknown> & { id: Id }>) {
      let shows = false
      walkFields(config.flattenedFields, doc, (value) => {
        if (wanted.has(String(refId(value)))) shows = true
      })
      if (shows) uses.set(`${slug}:${doc.id}`, { collection: slug, id: doc.id, title: String(doc.title ?? doc.id) })
    }
  }
  return [...uses.values()]
}

/**
 * What a reviewer approved is what the apps get until the next approval. Images are shared
 * documents outside the review (Notices and events point at them), so an image that live or
 * reviewed content shows is frozen: no new file, no new alt text, no deletion. A change is a new
 * upload chosen in the item, and that edit goes through review. Checked before the operation,
 * because Payload deletes the old files of a replaced upload before any change hook runs.
 */
export const refuseChangeOfReviewedImage: CollectionBeforeOperationHook<'media'> = async ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'delete') return args
  const ids: Id[] =
    'id' in args && args.id !== undefined
      ? [args.id as Id]
      : (await req.payload.find({ collection: 'media', where: (args as { where?: Where }).where ?? {}, depth: 0, pagination: false, overrideAccess: true, req })).docs.map(
          (doc) => doc.id,
        )
  if (ids.length === 0) return args
  const uses = await reviewedUsesOf(req, ids)
  if (uses.length === 0) return args
  const named = uses.map((use) => `《${use.title}》(${use.collection} ${use.id})`).join('、')
  const english = (req.i18n?.language ?? req.headers.get('accept-language') ?? '').startsWith('en')
  throw new YixunError(
    'MEDIA_IN_USE',
    409,
    {
      zh: `该图片正被已发布或审核中的内容使用：${named}。请上传新图片并在内容中替换，修改将重新审核。`,
      en: `This image is shown by live or reviewed content: ${named}. Upload a new image and choose it in the item; that edit goes through review.`,
    },
    english ? 'en' : 'zh',
  )
}
