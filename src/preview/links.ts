import type { Id } from '@/content/ids'
import type { PublishableCollection } from '@/workflow/states'

export type Audience = 'patient' | 'doctor'
export const PREVIEW_AUDIENCES: readonly Audience[] = ['patient', 'doctor']

/** The app a preview shows: `?audience=doctor` picks the doctor app, anything else the patient app. */
export const previewAudience = (value: unknown): Audience => (value === 'doctor' ? 'doctor' : 'patient')

/** The phone-sized preview page of a document (src/app/(preview)), for one app. */
export const previewPath = (collection: PublishableCollection, id: Id, audience: Audience) =>
  `/preview/${encodeURIComponent(collection)}/${encodeURIComponent(String(id))}?audience=${audience}`

/**
 * Payload's version comparison view (admin/collections/<slug>/<id>/versions/<to>?versionFrom=<from>):
 * the fields that differ between two versions of one document, changed fields only by default.
 */
export const versionDiffPath = (adminRoute: string, collection: PublishableCollection, id: Id, versionTo: Id, versionFrom: Id) =>
  `${adminRoute.replace(/\/$/, '')}/collections/${encodeURIComponent(collection)}/${encodeURIComponent(String(id))}/versions/${encodeURIComponent(String(versionTo))}?versionFrom=${encodeURIComponent(String(versionFrom))}`

/** Whether an item meant for `itemAudience` (patient, doctor or both) shows in the given app. */
export const shownInApp = (itemAudience: unknown, audience: Audience) => itemAudience === audience || itemAudience === 'both'
