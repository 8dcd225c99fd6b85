import type { CollectionBeforeChangeHook } from 'payload'

import { mayChangeDepartments } from '@/access/departmentScope'
import { refId, sameId } from '@/content/ids'

import { isWorkflowWrite } from '../context'
import { workflowError } from '../errors'
import type { WorkflowState } from '../states'

/** States whose content a reviewer has judged: an edit makes new content that needs a new review. */
const JUDGED: WorkflowState[] = ['approved', 'published', 'rejected', 'withdrawn', 'expired']

/**
 * Records who wrote the content — the last editor and everyone who edited since the last approval
 * (none of them may approve or reject it) — and sends an edit of judged content back to draft.
 * Content under review stays under review, with its new editor.
 */
export const trackEdits: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req, context }) => {
  if (isWorkflowWrite(context)) return data
  const userId = req.user?.collection === 'users' ? req.user.id : undefined

  const before = operation === 'create' ? [] : originalDoc?.departments
  if (req.user && !mayChangeDepartments(req.user as never, before, data.departments ?? before)) {
    throw workflowError(req, 'DEPARTMENT_OUT_OF_SCOPE', 403, {
      zh: '您只能编辑完全属于自己负责科室的内容（且至少选择一个科室）；与其他科室共享的内容不能编辑，也不能移除其他科室。',
      en: 'You may only write content that belongs wholly to your own departments (choose at least one); content shared with other departments can be neither edited nor stripped of them.',
    })
  }

  if (operation === 'create') {
    data.workflowState = 'draft'
    if (userId !== undefined) data.createdBy = userId
  } else if (JUDGED.includes(originalDoc?.workflowState)) {
    data.workflowState = 'draft'
  } else if (context.isRestoringVersion) {
    // A restore carries the old version's review state (trusted callers skip field access): the
    // working copy keeps its own, so an old "approved" can never come back with old content.
    data.workflowState = originalDoc?.workflowState ?? 'draft'
  }
  if (userId !== undefined) {
    data.lastEditedBy = userId
    const editors = operation === 'create' ? [] : ((originalDoc?.editorsSinceApproval ?? []) as unknown[]).map(refId)
    data.editorsSinceApproval = editors.some((id) => sameId(id, userId)) ? editors : [...editors, userId]
  }
  return data
}
