import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '@/content/ids'
import type { PublishableCollection, WorkflowState } from '@/workflow/states'

import { type Audience, PREVIEW_AUDIENCES, previewPath, versionDiffPath } from './links'

export type ReviewLinks = {
  /** The phone-sized preview of the latest version, per app. */
  preview: Record<Audience, string>
  /** Payload's comparison of the version under review with the live one; null unless both exist. */
  diff: string | null
}

/**
 * The two versions a reviewer compares: the latest (under review) and the one live in the apps,
 * which is the newest version saved as published (a withdrawal or expiry saves a draft after it,
 * and then nothing is live). Null when there is no live version or nothing changed since.
 */
export async function reviewVersions(payload: Payload, collection: PublishableCollection, id: Id, req?: PayloadRequest): Promise<{ review: Id; live: Id } | null> {
  const newest = (where: Record<string, unknown>) =>
    payload
      .findVersions({ collection, where: { and: [{ parent: { equals: id } }, where] } as never, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, req, pagination: false })
      .then(({ docs }) => docs[0] ?? null)
  const [review, live] = await Promise.all([newest({ latest: { equals: true } }), newest({ 'version._status': { equals: 'published' } })])
  if (!review || !live || String(review.id) === String(live.id)) return null
  return { review: review.id, live: live.id }
}

/** Where the review panel links to: the previews, and the diff while a change to live content awaits a decision. */
export async function reviewLinks(
  payload: Payload,
  collection: PublishableCollection,
  id: Id,
  { state, live, req }: { state: WorkflowState; live: boolean; req?: PayloadRequest },
): Promise<ReviewLinks> {
  const preview = Object.fromEntries(PREVIEW_AUDIENCES.map((audience) => [audience, previewPath(collection, id, audience)])) as Record<Audience, string>
  const versions = state === 'in_review' && live ? await reviewVersions(payload, collection, id, req) : null
  return { preview, diff: versions ? versionDiffPath(payload.config.routes.admin, collection, id, versions.review, versions.live) : null }
}
