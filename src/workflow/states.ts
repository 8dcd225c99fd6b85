/**
 * The life of every publishable item (notices, free-clinic events, promo videos, brochures):
 *   draft → in_review → approved → published → expired, with rejected (back to editing) and
 *   withdrawn (taken down). Only an approval leads to published.
 */
export const WORKFLOW_STATES = ['draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn', 'expired'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export const WORKFLOW_STATE_LABELS: Record<WorkflowState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  in_review: { zh: '待审核', en: 'In review' },
  approved: { zh: '已批准（待发布）', en: 'Approved (scheduled)' },
  published: { zh: '已发布', en: 'Published' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤下', en: 'Withdrawn' },
  expired: { zh: '已过期', en: 'Expired' },
}

/** What people ask for through POST /api/<collection>/<id>/workflow. */
export const WORKFLOW_ACTIONS = ['submit', 'approve', 'reject', 'withdraw', 'reopen'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** What the system does by itself (the scheduler). */
export type SystemAction = 'publish' | 'expire'

export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction | SystemAction, { zh: string; en: string }> = {
  submit: { zh: '提交审核', en: 'Submit for review' },
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '驳回', en: 'Reject' },
  withdraw: { zh: '撤下', en: 'Withdraw' },
  reopen: { zh: '重新编辑', en: 'Reopen for editing' },
  publish: { zh: '发布', en: 'Publish' },
  expire: { zh: '到期下线', en: 'Expire' },
}

/** Collections that go through the workflow. */
export const PUBLISHABLE_COLLECTIONS = ['notices', 'free-clinic-events', 'promo-videos', 'brochures'] as const
export type PublishableCollection = (typeof PUBLISHABLE_COLLECTIONS)[number]
