import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '@/auth/roles'
import { YixunError } from '@/errors'
import type { User } from '@/payload-types'

import { dashboardFor } from './dashboardFor'
import { retryMail, retrySchedule } from './retryJob'
import { unlockSignIn } from './unlockSignIn'

type Messages = { zh: string; en: string }

const refuse = (req: PayloadRequest, code: string, status: number, messages: Messages) =>
  new YixunError(code, status, messages, req.i18n?.language ?? req.headers.get('accept-language') ?? undefined)

const asResponse = (error: unknown) => {
  if (error instanceof YixunError) return Response.json({ errors: [{ code: error.code, message: error.message }] }, { status: error.status })
  throw error
}

function requireUser(req: PayloadRequest): User {
  if (!req.user || req.user.collection !== 'users') throw refuse(req, 'UNAUTHENTICATED', 401, { zh: '请先登录。', en: 'Sign in first.' })
  return req.user as User
}

const NO_SUCH_MAIL: Messages = { zh: '找不到该邮件任务。', en: 'No such mail job.' }
const NO_SUCH_SCHEDULE: Messages = { zh: '找不到该定时发布/下线任务。', en: 'No such scheduled publish or expiry job.' }

/** Job ids arrive as text: numbers on SQL engines, ObjectIds on MongoDB. */
function jobId(req: PayloadRequest, missing: Messages, param = 'jobId'): number | string {
  const raw = String(req.routeParams?.[param] ?? '')
  if (req.payload.db.defaultIDType !== 'number') {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw refuse(req, 'NOT_FOUND', 404, missing)
    return raw
  }
  const id = Number(raw)
  if (!Number.isSafeInteger(id) || id < 1) throw refuse(req, 'NOT_FOUND', 404, missing)
  return id
}

const NO_SUCH_LOCKOUT: Messages = { zh: '找不到该登录锁定（可能已解除或已过期）。', en: 'No such sign-in lock (it may have been lifted or expired).' }

/**
 * GET  /api/dashboard                      what needs the signed-in person (see Dashboard in dashboardFor.ts)
 * POST /api/dashboard/mail/:jobId/retry    queue a mail the queue gave up on again (admins); 202
 * POST /api/dashboard/schedule/:jobId/retry run a scheduled publish/expiry the queue gave up on again (admins); 202
 * POST /api/dashboard/lockouts/:id/unlock  lift a sign-in lock (admins; id of a lockout's latest attempt); 200
 * Failed transcodes and webhook deliveries are retried through their own endpoints
 * (POST /api/promo-videos/:id/transcode/retry, POST /api/webhook-deliveries/:id/redeliver);
 * each problem carries the URL of its retry.
 */
export const dashboardEndpoints: Endpoint[] = [
  {
    path: '/dashboard',
    method: 'get',
    handler: async (req) => {
      try {
        const user = requireUser(req)
        return Response.json(await dashboardFor(req.payload, user), { headers: { 'Cache-Control': 'no-store' } })
      } catch (error) {
        return asResponse(error)
      }
    },
  },
  {
    path: '/dashboard/mail/:jobId/retry',
    method: 'post',
    handler: async (req) => {
      try {
        requireUser(req)
        if (!hasRole(req.user, 'admin')) throw refuse(req, 'FORBIDDEN', 403, { zh: '只有系统管理员可以重发邮件。', en: 'Only an administrator can resend mail.' })
        const result = await retryMail(req, jobId(req, NO_SUCH_MAIL))
        if (result.outcome === 'not_found') throw refuse(req, 'NOT_FOUND', 404, NO_SUCH_MAIL)
        if (result.outcome === 'not_failed') {
          throw refuse(req, 'MAIL_NOT_FAILED', 409, { zh: '只有发送失败（已放弃重试）的邮件可以重发。', en: 'Only a mail the queue gave up on can be resent.' })
        }
        const { to, subject } = result.input
        return Response.json({ id: result.jobId, replaced: result.replaced, to, subject, status: 'queued' }, { status: 202 })
      } catch (error) {
        return asResponse(error)
      }
    },
  },
  {
    path: '/dashboard/schedule/:jobId/retry',
    method: 'post',
    handler: async (req) => {
      try {
        requireUser(req)
        if (!hasRole(req.user, 'admin')) throw refuse(req, 'FORBIDDEN', 403, { zh: '只有系统管理员可以重试定时发布。', en: 'Only an administrator can retry a scheduled publish.' })
        const result = await retrySchedule(req, jobId(req, NO_SUCH_SCHEDULE))
        if (result.outcome === 'not_found') throw refuse(req, 'NOT_FOUND', 404, NO_SUCH_SCHEDULE)
        if (result.outcome === 'not_failed') {
          throw refuse(req, 'SCHEDULE_NOT_FAILED', 409, { zh: '只有已放弃重试的定时发布/下线可以重试。', en: 'Only a scheduled publish or expiry the queue gave up on can be retried.' })
        }
        const { action, collection, id } = result.input
        return Response.json({ id: result.jobId, replaced: result.replaced, action, collection, item: id, status: 'queued' }, { status: 202 })
      } catch (error) {
        return asResponse(error)
      }
    },
  },
  {
    path: '/dashboard/lockouts/:id/unlock',
    method: 'post',
    handler: async (req) => {
      try {
        requireUser(req)
        if (!hasRole(req.user, 'admin')) throw refuse(req, 'FORBIDDEN', 403, { zh: '只有系统管理员可以解除登录锁定。', en: 'Only an administrator can lift a sign-in lock.' })
        const unlocked = await unlockSignIn(req.payload, jobId(req, NO_SUCH_LOCKOUT, 'id'))
        if (!unlocked) throw refuse(req, 'NOT_FOUND', 404, NO_SUCH_LOCKOUT)
        return Response.json({ email: unlocked.email, ip: unlocked.ip, status: 'unlocked' })
      } catch (error) {
        return asResponse(error)
      }
    },
  },
]
