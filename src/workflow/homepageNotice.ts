import type { PayloadRequest } from 'payload'

import { refId } from '@/content/ids'
import { recordAudit } from '@/audit/recordAudit'
import { announceLiveChange } from '@/webhooks/announceLiveChange'

import { WORKFLOW_CONTEXT } from './context'

type Id = number | string
type Doc = Record<string, any> & { id: Id }

/** The end of an event's last session: its homepage notice is shown until then. */
export function lastSessionEnd(event: Doc): string | null {
  const ends = (event.sessions ?? []).map((s: { endsAt?: string }) => s.endsAt).filter(Boolean) as string[]
  return ends.length ? ends.reduce((a, b) => (new Date(a) > new Date(b) ? a : b)) : null
}

const BEIJING = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })

/** The notice that announces an event on the app homepages. */
export function noticeFromEvent(event: Doc): Record<string, unknown> {
  const first = (event.sessions ?? [])
    .map((s: { startsAt?: string }) => s.startsAt)
    .filter(Boolean)
    .sort()[0] as string | undefined
  const where = event.mode === 'online' ? '线上义诊' : event.address || '现场义诊'
  return {
    title: `【义诊】${event.title}`.slice(0, 80),
    summary: [first ? `${BEIJING.format(new Date(first))}起` : null, where].filter(Boolean).join('，'),
    audience: event.audience,
    placement: 'banner',
    kind: 'activity',
    departments: (event.departments ?? []).map(refId),
    link: event.registrationLink || null,
    image: refId(event.poster),
    priority: 60,
    publishAt: event.publishAt || null,
    publishAt_tz: 'Asia/Shanghai',
    expireAt: lastSessionEnd(event),
    expireAt_tz: 'Asia/Shanghai',
    sourceEvent: event.id,
  }
}

async function findLinkedNotice(req: PayloadRequest, eventId: Id): Promise<Doc | null> {
  const { docs } = await req.payload.find({ collection: 'notices', where: { sourceEvent: { equals: eventId } }, draft: true, limit: 1, depth: 0, req, overrideAccess: true })
  return (docs[0] as Doc) ?? null
}

/** draft: a new working copy only; live: publish it; takeDown: unpublish the live document. */
type WriteMode = 'draft' | 'live' | 'takeDown'

async function writeNotice(req: PayloadRequest, id: Id | null, data: Record<string, unknown>, mode: WriteMode) {
  const previous = req.context
  const options = {
    data: { ...data, _status: mode === 'live' ? 'published' : 'draft' },
    draft: mode === 'draft',
    depth: 0,
    req,
    overrideAccess: true,
    context: { [WORKFLOW_CONTEXT]: true, skipAudit: true },
  }
  try {
    return (id === null
      ? await req.payload.create({ collection: 'notices', ...options } as never)
      : await req.payload.update({ collection: 'notices', id, ...options } as never)) as Doc
  } finally {
    req.context = previous
  }
}

/**
 * The hospital's rule: an activity opening is announced on the homepage the moment it goes live.
 * An approved event with "announce on the homepage" gets a linked notice in the same state and
 * audience, shown from the event's publish time until its last session ends; withdrawing or
 * expiring the event does the same to the notice. The event's approval covers the notice.
 */
export async function syncHomepageNotice(req: PayloadRequest, event: Doc): Promise<void> {
  const linked = await findLinkedNotice(req, event.id)
  const state = event.workflowState as string
  const live = state === 'published'
  const takeDown = state === 'withdrawn' || state === 'expired' || ((state === 'approved' || live) && !event.announceOnHomepage)

  if (takeDown) {
    if (!linked || ['withdrawn', 'expired', 'draft'].includes(linked.workflowState)) return
    const to = event.announceOnHomepage ? state : 'withdrawn'
    const saved = await writeNotice(req, linked.id, { workflowState: to }, 'takeDown')
    await recordAudit(req, {
      action: to === 'expired' ? 'expire' : 'withdraw',
      collection: 'notices',
      documentId: linked.id,
      documentTitle: String(saved.title),
      fromState: linked.workflowState,
      toState: to,
      details: { followsEvent: event.id },
    })
    if (linked._status === 'published' || linked.workflowState === 'published') {
      await announceLiveChange(req, { type: to === 'expired' ? 'expired' : 'withdrawn', collection: 'notices', id: linked.id, audience: saved.audience })
    }
    return
  }
  if (!event.announceOnHomepage || (state !== 'approved' && !live)) return

  const review = {
    workflowState: live ? 'published' : 'approved',
    submittedBy: refId(event.submittedBy),
    submittedAt: event.submittedAt ?? null,
    decidedBy: refId(event.decidedBy),
    decidedAt: event.decidedAt ?? null,
    decisionComment: event.decisionComment ?? null,
    createdBy: refId(event.createdBy),
    lastEditedBy: refId(event.lastEditedBy),
  }
  const saved = await writeNotice(req, linked?.id ?? null, { ...noticeFromEvent(event), ...review }, live ? 'live' : 'draft')
  await recordAudit(req, {
    action: live ? 'publish' : 'approve',
    collection: 'notices',
    documentId: saved.id,
    documentTitle: String(saved.title),
    fromState: linked?.workflowState ?? 'draft',
    toState: review.workflowState,
    details: { followsEvent: event.id },
  })
  if (live) await announceLiveChange(req, { type: linked?.workflowState === 'published' ? 'updated' : 'published', collection: 'notices', id: saved.id, audience: saved.audience })
}
