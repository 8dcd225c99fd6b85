import type { CollectionConfig } from 'payload'

import { auditAfterChange } from '@/audit/auditAfterChange'
import { auditAfterDelete } from '@/audit/auditAfterDelete'

import { routeEditsThroughReview } from './hooks/routeEditsThroughReview'
import { trackEdits } from './hooks/trackEdits'
import type { PublishableCollection } from './states'
import { workflowEndpoints } from './workflowEndpoints'

/**
 * Makes a collection go through review: every save a validated draft, the direct "Publish" button
 * replaced by the review panel, edits tracked, changes audited, the workflow endpoints mounted.
 * One place, so a new publishable collection cannot forget a guard that keeps unapproved
 * content out of the apps. The collection's own hooks run before the workflow's (uploads are
 * checked first), except trackEdits, which records the editor before anything else.
 */
export function publishable<S extends PublishableCollection>(config: CollectionConfig<S>): CollectionConfig<S> {
  const hooks = config.hooks ?? {}
  return {
    ...config,
    admin: {
      ...config.admin,
      components: { ...config.admin?.components, edit: { ...config.admin?.components?.edit, PublishButton: '/src/workflow/admin/NoDirectPublish#NoDirectPublish' } },
    },
    // Drafts are validated too: every save is a draft here (see routeEditsThroughReview).
    versions: { drafts: { validate: true }, maxPerDoc: 50 },
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), routeEditsThroughReview],
      beforeChange: [trackEdits, ...(hooks.beforeChange ?? [])],
      afterChange: [...(hooks.afterChange ?? []), auditAfterChange],
      afterDelete: [...(hooks.afterDelete ?? []), auditAfterDelete],
    } as CollectionConfig<S>['hooks'],
    endpoints: [...(config.endpoints || []), ...workflowEndpoints(config.slug as PublishableCollection)],
  }
}
