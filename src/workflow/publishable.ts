import type { CollectionConfig } from 'payload'

import { canCreateContent, canDeleteContent, canUpdateContent } from '@/access/canWriteContent'
import { isStaff } from '@/access/isStaff'
import { auditAfterChange } from '@/audit/auditAfterChange'
import { auditAfterDelete } from '@/audit/auditAfterDelete'
import { putBackLiveFiles, setAsideLiveFiles } from '@/media/keepLiveFiles'
import { previewPath } from '@/preview/links'
import { previewEndpoints } from '@/preview/previewEndpoints'

import { refuseDeletingLiveItem } from './hooks/refuseDeletingLiveItem'
import { refuseStaleEdits } from './hooks/refuseStaleEdits'
import { restoreOnlyAsDraft } from './hooks/restoreOnlyAsDraft'
import { routeEditsThroughReview } from './hooks/routeEditsThroughReview'
import { trackEdits } from './hooks/trackEdits'
import type { PublishableCollection } from './states'
import { restoreAsDraftEndpoint } from './restoreEndpoint'
import { workflowEndpoints } from './workflowEndpoints'

/** Phone screens (CSS pixels) the live preview offers; the apps are phone-only. */
const PHONE_BREAKPOINTS = [
  { name: 'iphone', label: '手机 iPhone 375×812', width: 375, height: 812 },
  { name: 'android', label: '手机 Android 360×800', width: 360, height: 800 },
  { name: 'large-phone', label: '大屏手机 414×896', width: 414, height: 896 },
]

/**
 * Makes a collection go through review: staff write it (the shared write access), every save a validated draft, the direct "Publish" button
 * replaced by the review panel, a version restore only ever a draft, edits tracked and checked against lost updates, changes audited, the workflow endpoints mounted.
 * One place, so a new publishable collection cannot forget a guard that keeps unapproved
 * content out of the apps. The collection's own hooks run before the workflow's (uploads are
 * checked first), except trackEdits, which records the editor before anything else. The phone
 * preview (src/preview/) is added here too, so every item can be looked at before a decision.
 */
export function publishable<S extends PublishableCollection>(config: CollectionConfig<S>): CollectionConfig<S> {
  const hooks = config.hooks ?? {}
  return {
    ...config,
    // Who writes reviewed content is the same everywhere (editors within their departments,
    // publicity, admins) and no collection may loosen it; each collection says who may read it.
    access: { readVersions: isStaff, ...config.access, create: canCreateContent, update: canUpdateContent, delete: canDeleteContent },
    admin: {
      ...config.admin,
      components: { ...config.admin?.components, edit: { ...config.admin?.components?.edit, PublishButton: '/src/workflow/admin/NoDirectPublish#NoDirectPublish' } },
      // The edit view's "Live Preview": the item in a phone-sized patient or doctor app, updated as one
      // types; staff who can only read (reviewers) get it too. The page toggles between the two apps.
      livePreview: {
        url: ({ data }) => (data?.id ? previewPath(config.slug as PublishableCollection, data.id, 'patient') : null),
        breakpoints: PHONE_BREAKPOINTS,
      },
    },
    // Drafts are validated too: every save is a draft here (see routeEditsThroughReview).
    versions: { drafts: { validate: true }, maxPerDoc: 50 },
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), routeEditsThroughReview, refuseStaleEdits, restoreOnlyAsDraft, refuseDeletingLiveItem, ...(config.upload ? [setAsideLiveFiles] : [])],
      // Right after Payload deletes a replaced upload's files: the live version's come back (see keepLiveFiles.ts).
      beforeValidate: [...(config.upload ? [putBackLiveFiles] : []), ...(hooks.beforeValidate ?? [])],
      beforeChange: [trackEdits, ...(hooks.beforeChange ?? [])],
      afterChange: [...(hooks.afterChange ?? []), auditAfterChange],
      afterDelete: [...(hooks.afterDelete ?? []), auditAfterDelete],
    } as CollectionConfig<S>['hooks'],
    endpoints: [restoreAsDraftEndpoint, ...(config.endpoints || []), ...workflowEndpoints(config.slug as PublishableCollection), ...previewEndpoints(config.slug as PublishableCollection)],
  }
}
