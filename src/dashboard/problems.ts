import type { Payload } from 'payload'

import { isWithinDepartmentScope } from '@/access/departmentScope'
import { hasRole } from '@/auth/roles'
import { documentId, type Id, refId } from '@/content/ids'
import { WORKER_DIED } from '@/jobs/reclaimAbandonedJobs'
import type { AppClient, User } from '@/payload-types'
import { PUBLISHABLE_COLLECTIONS, type PublishableCollection } from '@/workflow/states'

import { adminHref } from './whatNeedsMe'

type DashboardUser = Pick<User, 'id' | 'roles' | 'departments'>
type Words = { zh: string; en: string }

/** Something that went wrong and waits for a person, with the button that tries again. */
export type Problem = {
  kind: 'transcode' | 'webhook' | 'mail' | 'schedule'
  /** Where the record lives: the transcode, the webhook delivery or the queued job (mail, scheduled publish/expiry). */
  collection: 'video-transcodes' | 'webhook-deliveries' | 'payload-jobs'
  id: Id
  title: string
  /** What went wrong, for staff. */
  reason: Words
  /** The technical cause (an error code or message), for whoever fixes it. */
  detail: string | null
  attempts: number
  /** When it last failed. */
  at: string | null
  /** The page to look at (the video, the delivery, the item); null for mail, whose jobs have no admin page. */
  href: string | null
  /** The action that tries again (an existing endpoint where there is one). */
  retry: { method: 'POST'; url: string }
}

export type Problems = { transcodes: Problem[]; webhooks: Problem[]; mail: Problem[]; schedule: Problem[] }

/** Problems listed per kind per load. */
export const PROBLEMS_LIMIT = 50

/** A delivery still being retried shows once it has failed this many times in a row (about 1.5 minutes of failures). */
export const WEBHOOK_FAILURES_SHOWN = 3

/** Failed transcodes concern the people who upload videos; retrying is theirs (publicity) and the admins'. */
export const seesTranscodeProblems = (user: DashboardUser | null | undefined) => hasRole(user, 'admin', 'publicity')
/** Webhook deliveries and the jobs queue (mail, scheduled publishes) are system matters: admins only (as their records are). */
export const seesSystemProblems = (user: DashboardUser | null | undefined) => hasRole(user, 'admin')

const clip = (text: string | null | undefined, max = 300) => (text ? (text.length > max ? `${text.slice(0, max)}…` : text) : null)

/**
 * Failed transcodes of the videos' current sources (the retry endpoint retries exactly that one),
 * for videos within the user's departments. Two queries: the transcodes, then their videos.
 */
async function failedTranscodes(payload: Payload, user: DashboardUser): Promise<Problem[]> {
  const { docs: transcodes } = await payload.find({
    collection: 'video-transcodes',
    where: { status: { equals: 'failed' } },
    sort: '-updatedAt',
    limit: PROBLEMS_LIMIT,
    pagination: false,
    depth: 0,
    select: { video: true, source: true, error: true, attempt: true, finishedAt: true, updatedAt: true },
    overrideAccess: true,
  })
  if (transcodes.length === 0) return []
  const videoIds = [...new Set(transcodes.map((record) => String(refId(record.video))))]
  const { docs: videos } = await payload.find({
    collection: 'promo-videos',
    draft: true,
    where: { id: { in: videoIds.map((id) => documentId(payload, id)) } },
    pagination: false,
    depth: 0,
    select: { title: true, filename: true, departments: true },
    overrideAccess: true,
  })
  const videoById = new Map(videos.map((video) => [String(video.id), video]))
  return transcodes.flatMap((record): Problem[] => {
    const videoId = refId(record.video)
    const video = videoById.get(String(videoId))
    if (!video || videoId == null || video.filename !== record.source) return []
    if (!isWithinDepartmentScope(user, video.departments)) return []
    const api = payload.config.routes.api
    return [
      {
        kind: 'transcode',
        collection: 'video-transcodes',
        id: record.id,
        title: video.title || record.source,
        reason: { zh: record.error?.zh || '转码失败。', en: record.error?.en || 'Transcoding failed.' },
        detail: record.error?.code ?? null,
        attempts: record.attempt ?? 1,
        at: record.finishedAt ?? record.updatedAt,
        href: adminHref(payload, 'promo-videos', videoId),
        retry: { method: 'POST', url: `${api}/promo-videos/${encodeURIComponent(String(videoId))}/transcode/retry` },
      },
    ]
  })
}

const EVENT_LABELS: Record<string, Words> = {
  published: { zh: '发布', en: 'published' },
  updated: { zh: '更新', en: 'updated' },
  withdrawn: { zh: '撤下', en: 'withdrawn' },
  expired: { zh: '到期', en: 'expired' },
}

/** Deliveries given up on, and those still retrying that have failed several times in a row. */
async function failingWebhooks(payload: Payload): Promise<Problem[]> {
  const { docs } = await payload.find({
    collection: 'webhook-deliveries',
    where: { or: [{ status: { equals: 'dead' } }, { and: [{ status: { equals: 'failed' } }, { attempts: { greater_than_equal: WEBHOOK_FAILURES_SHOWN } }] }] },
    sort: '-updatedAt',
    limit: PROBLEMS_LIMIT,
    pagination: false,
    depth: 1,
    select: { eventType: true, client: true, collectionSlug: true, documentId: true, status: true, attempts: true, lastAttemptAt: true, lastStatusCode: true, lastError: true, updatedAt: true },
    populate: { 'app-clients': { name: true } },
    overrideAccess: true,
  })
  const api = payload.config.routes.api
  return docs.map((delivery): Problem => {
    const app = (typeof delivery.client === 'object' && delivery.client ? (delivery.client as AppClient).name : null) ?? '—'
    const event = EVENT_LABELS[delivery.eventType] ?? { zh: delivery.eventType, en: delivery.eventType }
    const answer: Words = delivery.lastStatusCode ? { zh: `返回 HTTP ${delivery.lastStatusCode}`, en: `answered HTTP ${delivery.lastStatusCode}` } : { zh: '没有响应', en: 'got no answer' }
    const attempts = delivery.attempts ?? 0
    const reason: Words =
      delivery.status === 'dead'
        ? { zh: `推送给「${app}」已放弃：${attempts} 次均失败，最近一次${answer.zh}。`, en: `Gave up delivering to "${app}": ${attempts} attempts failed; the last ${answer.en}.` }
        : { zh: `推送给「${app}」已连续失败 ${attempts} 次，最近一次${answer.zh}，仍在自动重试。`, en: `Delivery to "${app}" failed ${attempts} times in a row; the last ${answer.en}. Still retrying.` }
    return {
      kind: 'webhook',
      collection: 'webhook-deliveries',
      id: delivery.id,
      title: `${app} · ${event.zh} ${delivery.collectionSlug} #${delivery.documentId}`,
      reason,
      detail: clip(delivery.lastError),
      attempts,
      at: delivery.lastAttemptAt ?? delivery.updatedAt,
      href: adminHref(payload, 'webhook-deliveries', delivery.id),
      retry: { method: 'POST', url: `${api}/webhook-deliveries/${encodeURIComponent(String(delivery.id))}/redeliver` },
    }
  })
}

/** Turns a mail error (nodemailer's message) into words an admin can act on. */
export function mailFailureReason(message: string | null | undefined): Words {
  const text = message ?? ''
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET|Greeting never received|Connection timeout|ECONNECTION/i.test(text)) {
    return { zh: '连接不上邮件服务器（SMTP_URL），重试 5 次后放弃。', en: 'The mail server (SMTP_URL) could not be reached; gave up after 5 retries.' }
  }
  if (/EAUTH|Invalid login|authentication|\b535\b/i.test(text)) {
    return { zh: '邮件服务器拒绝登录：请检查 SMTP_URL 中的账号和密码。', en: 'The mail server refused the login: check the user and password in SMTP_URL.' }
  }
  if (/EENVELOPE|recipients were rejected|No recipients|\b55[0-3]\b/i.test(text)) {
    return { zh: '邮件服务器拒收了收件地址。', en: 'The mail server refused the recipient address.' }
  }
  return { zh: '邮件未能发出，重试 5 次后放弃。', en: 'The mail could not be sent; gave up after 5 retries.' }
}

type JobError = { message?: unknown } | null | undefined
type JobLog = Array<{ completedAt?: string | null; error?: unknown }> | null | undefined
type FailedJob = { id: Id; input?: unknown; error?: unknown; log?: unknown; totalTried?: number | null; updatedAt: string }

/** Jobs of one task the queue gave up on (all retries failed): Payload keeps them with hasError. */
async function failedJobs(payload: Payload, taskSlug: 'sendMail' | 'runSchedule'): Promise<FailedJob[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: taskSlug } }, { hasError: { equals: true } }] },
    sort: '-updatedAt',
    limit: PROBLEMS_LIMIT,
    pagination: false,
    depth: 0,
    select: { input: true, error: true, log: true, totalTried: true, updatedAt: true },
    overrideAccess: true,
  })
  return docs as FailedJob[]
}

/** The last error of a failed job and when it happened. */
function lastFailure(job: FailedJob): { message: string | null; at: string } {
  const log = job.log as JobLog
  const last = log?.[log.length - 1]
  const message = (job.error as JobError)?.message ?? (last?.error as JobError)?.message
  return { message: typeof message === 'string' ? message : null, at: last?.completedAt ?? job.updatedAt }
}

type MailInput = { to?: unknown; subject?: unknown }

async function unsentMail(payload: Payload): Promise<Problem[]> {
  const api = payload.config.routes.api
  return (await failedJobs(payload, 'sendMail')).map((job): Problem => {
    const input = (job.input ?? {}) as MailInput
    const { message, at } = lastFailure(job)
    const to = typeof input.to === 'string' ? input.to : '—'
    const subject = typeof input.subject === 'string' ? input.subject : '—'
    return {
      kind: 'mail',
      collection: 'payload-jobs',
      id: job.id,
      title: `${subject} → ${to}`,
      reason: mailFailureReason(message),
      detail: clip(message),
      attempts: job.totalTried ?? 0,
      at,
      href: null,
      retry: { method: 'POST', url: `${api}/dashboard/mail/${encodeURIComponent(String(job.id))}/retry` },
    }
  })
}

type ScheduleInput = { action?: unknown; collection?: unknown; id?: unknown }

/** Why a scheduled publish or expiry was given up on, in words for the admin who retries it. */
function scheduleFailureReason(action: 'publish' | 'expire', message: string | null, tries: number): Words {
  const what = action === 'publish' ? { zh: '定时发布', en: 'The scheduled publish' } : { zh: '定时下线', en: 'The scheduled expiry' }
  const state = action === 'publish' ? { zh: '内容仍未上线', en: 'the item is not live' } : { zh: '内容仍在线', en: 'the item is still live' }
  if (message === WORKER_DIED) {
    return {
      zh: `${what.zh}失败：执行它的服务进程 ${tries} 次都中途停止（被终止或崩溃），${state.zh}。请查看服务器日志后重试。`,
      en: `${what.en} failed: the server process running it stopped part-way ${tries} times (killed or crashed); ${state.en}. Check the server logs, then retry.`,
    }
  }
  return { zh: `${what.zh}失败：重试 ${tries} 次后放弃，${state.zh}。`, en: `${what.en} failed: gave up after ${tries} tries; ${state.en}.` }
}

/** Scheduled publishes and expiries the queue gave up on, with the item they concern. */
async function failedSchedules(payload: Payload): Promise<Problem[]> {
  const jobs = await failedJobs(payload, 'runSchedule')
  const targets = jobs.map((job) => {
    const input = (job.input ?? {}) as ScheduleInput
    const collection = PUBLISHABLE_COLLECTIONS.find((slug) => slug === input.collection) as PublishableCollection | undefined
    return { job, collection, itemId: typeof input.id === 'string' ? input.id : null, action: input.action === 'expire' ? ('expire' as const) : ('publish' as const) }
  })
  const titles = new Map<string, string>()
  for (const collection of new Set(targets.flatMap((target) => (target.collection ? [target.collection] : [])))) {
    const ids = targets.filter((target) => target.collection === collection && target.itemId).map((target) => documentId(payload, target.itemId!))
    const { docs } = await payload.find({ collection, draft: true, where: { id: { in: ids } }, pagination: false, depth: 0, select: { title: true }, overrideAccess: true })
    for (const doc of docs) titles.set(`${collection}/${doc.id}`, String((doc as { title?: unknown }).title ?? doc.id))
  }
  const api = payload.config.routes.api
  return targets.map(({ job, collection, itemId, action }): Problem => {
    const { message, at } = lastFailure(job)
    const tries = job.totalTried ?? 0
    const title = titles.get(`${collection}/${itemId}`) ?? `${collection ?? '—'} #${itemId ?? '—'}`
    return {
      kind: 'schedule',
      collection: 'payload-jobs',
      id: job.id,
      title: `${action === 'publish' ? '发布' : '下线'} · ${title}`,
      reason: scheduleFailureReason(action, message, tries),
      detail: clip(message),
      attempts: tries,
      at,
      href: collection && itemId ? adminHref(payload, collection, itemId) : null,
      retry: { method: 'POST', url: `${api}/dashboard/schedule/${encodeURIComponent(String(job.id))}/retry` },
    }
  })
}

/** The problems this user is shown (and may retry); kinds their roles do not call for are empty. */
export async function problemsFor(payload: Payload, user: DashboardUser): Promise<Problems> {
  const system = seesSystemProblems(user)
  const [transcodes, webhooks, mail, schedule] = await Promise.all([
    seesTranscodeProblems(user) ? failedTranscodes(payload, user) : [],
    system ? failingWebhooks(payload) : [],
    system ? unsentMail(payload) : [],
    system ? failedSchedules(payload) : [],
  ])
  return { transcodes, webhooks, mail, schedule }
}
