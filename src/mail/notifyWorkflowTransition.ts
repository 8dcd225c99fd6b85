import type { PayloadRequest } from 'payload'

import type { PublishableCollection, WorkflowAction } from '@/workflow/states'

import { type MailedAction, itemLink, workflowMessage } from './workflowMessages'
import { workflowRecipients } from './workflowRecipients'

export type TransitionNotice = {
  collection: PublishableCollection
  id: number | string
  title: string
  action: WorkflowAction
  comment?: string
  /** Department ids of the item; reviewers limited to departments get mail only for theirs. Empty = all. */
  departmentIds: Array<number | string>
  /** Who submitted the item for review (gets mail on approve / reject / withdraw). */
  submitterId?: number | string | null
}

const isMailed = (action: WorkflowAction): action is MailedAction => action !== 'reopen'

/**
 * Queues the mail a workflow transition calls for, one `sendMail` job per recipient. Nothing is
 * sent here: a mail server that is down must not block or break the transition. The jobs are
 * written with `req`, so they belong to the transition's transaction and vanish if it rolls back.
 */
export async function notifyWorkflowTransition(req: PayloadRequest, notice: TransitionNotice): Promise<void> {
  const { action } = notice
  if (!isMailed(action)) return

  const recipients = await workflowRecipients(req, { action, departmentIds: notice.departmentIds, submitterId: notice.submitterId })
  if (recipients.length === 0) return

  const message = workflowMessage({
    collection: notice.collection,
    title: notice.title,
    action,
    actorName: req.user?.name || req.user?.email || '医讯系统',
    comment: notice.comment,
    link: itemLink(req.payload.config.serverURL, notice.collection, notice.id),
  })

  for (const recipient of recipients) {
    await req.payload.jobs.queue({ task: 'sendMail', input: { to: recipient.email, ...message }, req })
  }
}
