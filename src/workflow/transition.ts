import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { refId } from '@/content/ids'
import { departmentScope, isWithinDepartmentScope } from '@/access/departmentScope'
import { recordAudit } from '@/audit/recordAudit'
import { mediaNotReady } from '@/media/publishReadiness'
import { hasRole } from '@/auth/roles'
import { notifyWorkflowTransition } from '@/mail/notifyWorkflowTransition'
import { announceLiveChange } from '@/webhooks/announceLiveChange'

import { claimVersion, latestVersionMarker } from './claimVersion'
import { WORKFLOW_CONTEXT } from './context'
import { workflowError } from './errors'
import { syncHomepageNotice } from './homepageNotice'
import {
  type PublishableCollection,
  type SystemAction,
  WORKFLOW_ACTION_LABELS,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATE_LABELS,
  type WorkflowAction,
  type WorkflowState,
} from './states'
import { isOwnWork, TRANSITIONS } from './transitions'

type Id = number | string
type Doc = Record<string, any> & { id: Id }

export type TransitionResult = {
  collection: PublishableCollection
  id: Id
  action: WorkflowAction | SystemAction
  /** State of the working copy after the action. */
  state: WorkflowState
  /** Whether a version of the item is live in the apps now. */
  live: boolean
}

const titleOf = (doc: Doc) => String(doc.title ?? doc.id)

/** The working copy (latest version) and whether a version of the item is live. */
export async function loadItem(req: PayloadRequest, collection: PublishableCollection, id: Id) {
  const working = (await req.payload
    .findByID({ collection, id, draft: true, depth: 0, req, overrideAccess: true, disableErrors: true })
    .catch(() => null)) as Doc | null
  if (!working) return null
  // A published latest version is the main document itself; only a draft on top needs the second read.
  const main = working._status === 'published' ? working : ((await req.payload.findByID({ collection, id, draft: false, depth: 0, req, overrideAccess: true })) as Doc)
  return { working, main, live: main._status === 'published' }
}

/** Actions the current user may take on this item now (for the admin's buttons). */
export function allowedActions(req: PayloadRequest, working: Doc, live: boolean): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => refusal(req, action, working, live, undefined, true) === null)
}

/** Why the action is refused, or null when it is allowed. `lenient` skips the comment check (button display). */
function refusal(req: PayloadRequest, action: WorkflowAction, working: Doc, live: boolean, comment: string | undefined, lenient = false) {
  const rule = TRANSITIONS[action]
  const user = req.user
  const state = working.workflowState as WorkflowState
  const label = WORKFLOW_ACTION_LABELS[action]
  if (!user || !hasRole(user, ...rule.roles)) {
    return workflowError(req, 'WORKFLOW_ROLE_FORBIDDEN', 403, {
      zh: `您的角色不能执行“${label.zh}”。`,
      en: `Your role may not ${label.en.toLowerCase()}.`,
    })
  }
  if (departmentScope(user as never) && !isWithinDepartmentScope(user as never, working.departments)) {
    return workflowError(req, 'DEPARTMENT_OUT_OF_SCOPE', 403, {
      zh: '此内容不属于您负责的科室。',
      en: 'This content belongs to departments outside your scope.',
    })
  }
  const startsHere = rule.from.includes(state) || (action === 'withdraw' && live)
  if (!startsHere) {
    const messages = {
      zh: `当前状态为“${WORKFLOW_STATE_LABELS[state]?.zh ?? state}”，不能${label.zh}。`,
      en: `Cannot ${label.en.toLowerCase()}: the item is ${WORKFLOW_STATE_LABELS[state]?.en.toLowerCase() ?? state}.`,
    }
    return workflowError(req, 'WORKFLOW_STATE_CONFLICT', 409, messages, { state })
  }
  if (rule.decision && isOwnWork(working, user.id)) {
    return workflowError(req, 'OWN_WORK_FORBIDDEN', 403, {
      zh: '不能审核自己提交的、或自上次批准以来自己编辑过的内容，请由另一位审核员处理。',
      en: 'You cannot decide on content you submitted or edited since its last approval; another reviewer must.',
    })
  }
  if (rule.commentRequired && !lenient && !comment?.trim()) {
    return workflowError(req, 'COMMENT_REQUIRED', 422, {
      zh: '驳回时必须填写审核意见，说明需要修改什么。',
      en: 'A comment is required to reject: tell the author what to change.',
    })
  }
  return null
}

/**
 * Writes through the Local API as the workflow: the only writer allowed to publish, unpublish and
 * set review fields (see routeEditsThroughReview). Runs in the caller's transaction.
 */
async function write(req: PayloadRequest, collection: PublishableCollection, id: Id, data: Record<string, unknown>, { goLive = false, takeDown = false } = {}) {
  const previous = req.context
  try {
    return (await req.payload.update({
      collection,
      id,
      data: goLive ? { ...data, _status: 'published' } : takeDown ? { ...data, _status: 'draft' } : data,
      draft: !(goLive || takeDown),
      depth: 0,
      req,
      overrideAccess: true,
      context: { [WORKFLOW_CONTEXT]: true, skipAudit: true },
    })) as Doc
  } finally {
    req.context = previous
  }
}

const isFuture = (date: unknown, now: Date) => Boolean(date) && new Date(date as string).getTime() > now.getTime()

/**
 * Queues the scheduler's job for the moment an item must go live or leave. A later edit,
 * withdrawal or new schedule does not remove it: the job re-checks the item when it runs.
 */
async function scheduleAt(req: PayloadRequest, action: 'publish' | 'expire', collection: PublishableCollection, id: Id, at: string) {
  await req.payload.jobs.queue({ task: 'runSchedule', input: { action, collection, id: String(id) }, waitUntil: new Date(at), req })
}

/**
 * Claims the working copy this step was decided on (see claimVersion), before anything is written.
 * Of two steps taken from the same version, the second ends here with 409, having changed nothing.
 */
async function claimWorkingCopy(req: PayloadRequest, collection: PublishableCollection, id: Id, marker: string): Promise<void> {
  if (await claimVersion(req, collection, id, marker)) return
  // The lost claim ended the transaction; the winner has committed, so its result is readable.
  const now = await loadItem(req, collection, id)
  const label = WORKFLOW_STATE_LABELS[now?.working.workflowState as WorkflowState] ?? { zh: '未知', en: 'unknown' }
  throw workflowError(
    req,
    'WORKFLOW_STATE_CONFLICT',
    409,
    {
      zh: `此内容刚刚被他人处理或修改（当前状态：“${label.zh}”），您的操作未执行。请刷新后再决定。`,
      en: `Someone else acted on or changed this item a moment ago (it is now ${label.en.toLowerCase()}); your action was not carried out. Reload and decide again.`,
    },
    { state: now?.working.workflowState ?? null },
  )
}

/**
 * Performs a person's workflow action on an item: checks role, department scope, state, own
 * work and comment; claims the version it was decided on (so of two people acting at once exactly
 * one succeeds); writes the new state; records the audit entries; queues the mail; keeps a
 * free-clinic event's homepage notice in step. All in one transaction.
 */
export async function performTransition(
  req: PayloadRequest,
  { collection, id, action, comment }: { collection: PublishableCollection; id: Id; action: WorkflowAction; comment?: string },
): Promise<TransitionResult> {
  const ownTransaction = await initTransaction(req)
  try {
    const marker = await latestVersionMarker(req, collection, id)
    const item = await loadItem(req, collection, id)
    if (!item) {
      throw workflowError(req, 'NOT_FOUND', 404, { zh: '找不到该内容。', en: 'No such item.' })
    }
    const { working } = item
    const refused = refusal(req, action, working, item.live, comment) ?? (action === 'approve' ? await mediaNotReady(req, collection, working) : null)
    if (refused) throw refused
    await claimWorkingCopy(req, collection, id, marker)

    const now = new Date()
    const user = req.user!
    const from = working.workflowState as WorkflowState
    const decision = { decidedBy: user.id, decidedAt: now.toISOString(), decisionComment: comment?.trim() || null }
    let state: WorkflowState
    let live = item.live
    let saved: Doc

    switch (action) {
      case 'submit':
        state = 'in_review'
        saved = await write(req, collection, id, { workflowState: state, submittedBy: user.id, submittedAt: now.toISOString(), decidedBy: null, decidedAt: null, decisionComment: null })
        break
      case 'approve':
        state = 'approved'
        // What was approved is nobody's own work any more: later editors start a new list.
        saved = await write(req, collection, id, { workflowState: state, ...decision, editorsSinceApproval: [] })
        break
      case 'reject':
        state = 'rejected'
        saved = await write(req, collection, id, { workflowState: state, ...decision })
        break
      case 'withdraw':
        state = 'withdrawn'
        saved = await write(req, collection, id, { workflowState: state, ...decision }, { takeDown: true })
        if (item.live) await announceLiveChange(req, { type: 'withdrawn', collection, id, audience: saved.audience })
        live = false
        break
      case 'reopen':
        state = 'draft'
        saved = await write(req, collection, id, { workflowState: state })
        break
    }

    await recordAudit(req, { action, collection, documentId: id, documentTitle: titleOf(saved), fromState: from, toState: state, comment: comment?.trim() || undefined })

    // Approval with no future time publishes at once; otherwise the scheduler does it at publishAt.
    if (action === 'approve' && !isFuture(saved.publishAt, now)) {
      saved = await putLive(req, collection, id, item.live)
      state = 'published'
      live = true
    } else {
      if (action === 'approve') await scheduleAt(req, 'publish', collection, id, saved.publishAt)
      if (collection === 'free-clinic-events') await syncHomepageNotice(req, saved)
    }

    await notifyWorkflowTransition(req, {
      collection,
      id,
      title: titleOf(saved),
      action,
      comment: comment?.trim() || undefined,
      departmentIds: (saved.departments ?? []).map(refId),
      submitterId: refId(saved.submittedBy),
    })

    if (ownTransaction) await commitTransaction(req)
    return { collection, id, action, state, live }
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}

/**
 * Puts the approved working copy live (the scheduler calls this at publishAt). Publishes exactly
 * what was approved: any later edit has moved the working copy out of `approved`.
 */
export async function goLive(req: PayloadRequest, collection: PublishableCollection, id: Id): Promise<Doc> {
  const marker = await latestVersionMarker(req, collection, id)
  const item = await loadItem(req, collection, id)
  if (!item || item.working.workflowState !== 'approved') {
    throw workflowError(req, 'WORKFLOW_STATE_CONFLICT', 409, {
      zh: '只有已批准的内容可以发布。',
      en: 'Only approved content can go live.',
    })
  }
  const notReady = await mediaNotReady(req, collection, item.working)
  if (notReady) throw notReady
  await claimWorkingCopy(req, collection, id, marker)
  return putLive(req, collection, id, item.live)
}

/** Publishes an item already checked to be approved and ready: the live version, its audit, announcement and expiry. */
async function putLive(req: PayloadRequest, collection: PublishableCollection, id: Id, wasLive: boolean): Promise<Doc> {
  const saved = await write(req, collection, id, { workflowState: 'published' }, { goLive: true })
  await recordAudit(req, { action: 'publish', collection, documentId: id, documentTitle: titleOf(saved), fromState: 'approved', toState: 'published' })
  await announceLiveChange(req, { type: wasLive ? 'updated' : 'published', collection, id, audience: saved.audience })
  if (saved.expireAt) await scheduleAt(req, 'expire', collection, id, saved.expireAt)
  if (collection === 'free-clinic-events') await syncHomepageNotice(req, saved)
  return saved
}

/** Takes a live item out of the apps at its end time (the scheduler calls this). Idempotent. */
export async function expireItem(req: PayloadRequest, collection: PublishableCollection, id: Id): Promise<TransitionResult | null> {
  const marker = await latestVersionMarker(req, collection, id)
  const item = await loadItem(req, collection, id)
  if (!item || !item.live) return null
  await claimWorkingCopy(req, collection, id, marker)
  const from = item.working.workflowState as WorkflowState
  const saved = await write(req, collection, id, { workflowState: 'expired' }, { takeDown: true })
  await recordAudit(req, { action: 'expire', collection, documentId: id, documentTitle: titleOf(saved), fromState: from, toState: 'expired' })
  await announceLiveChange(req, { type: 'expired', collection, id, audience: saved.audience })
  if (collection === 'free-clinic-events') await syncHomepageNotice(req, saved)
  return { collection, id, action: 'expire', state: 'expired', live: false }
}
