import type { PayloadRequest } from 'payload'

import type { PublishableCollection, WorkflowAction } from '@/workflow/states'

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

/**
 * Queues the mail a workflow transition calls for (never sends inline: a mail server that is down
 * must not block or break the transition). STUB: the mail work replaces this body.
 */
export async function notifyWorkflowTransition(_req: PayloadRequest, _notice: TransitionNotice): Promise<void> {}
