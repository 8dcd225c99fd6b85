import type { CollectionBeforeOperationHook, Where } from 'payload'

import { workflowError } from '../errors'
import { PUBLISHABLE_COLLECTIONS } from '../states'

/**
 * Deleting a department would silently re-target live or reviewed content (content left with no
 * department is hospital-wide): refused while such content names it; deactivate it instead.
 */
export const refuseDeletingDepartmentInUse: CollectionBeforeOperationHook<'departments'> = async ({ args, operation, req }) => {
  if (operation !== 'delete') return args
  const target: Where = 'id' in args && args.id !== undefined ? { id: { equals: args.id } } : ((args as { where?: Where }).where ?? {})
  const { docs } = await req.payload.find({ collection: 'departments', where: target, depth: 0, pagination: false, overrideAccess: true, req, select: {} })
  const ids = docs.map((doc) => doc.id)
  if (ids.length === 0) return args
  for (const collection of PUBLISHABLE_COLLECTIONS) {
    const naming: Where = { departments: { in: ids } }
    const [live, judged] = await Promise.all([
      req.payload.count({ collection, where: { and: [naming, { _status: { equals: 'published' } }] }, overrideAccess: true, req }),
      req.payload.find({ collection, where: { and: [naming, { workflowState: { in: ['in_review', 'approved'] } }] }, draft: true, limit: 1, depth: 0, overrideAccess: true, req }),
    ])
    if (live.totalDocs + judged.totalDocs > 0) {
      throw workflowError(req, 'DEPARTMENT_IN_USE', 409, {
        zh: '已发布或审核中的内容仍属于该科室，不能删除：请改为停用该科室。',
        en: 'Live or reviewed content still names this department: deactivate it instead of deleting it.',
      })
    }
  }
  return args
}
