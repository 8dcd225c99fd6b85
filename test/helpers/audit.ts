import { createLocalReq, type PayloadRequest, type Where } from 'payload'

import type { Role } from '@/auth/roles'
import type { AuditLog } from '@/payload-types'
import { demoEmail } from '@/seed/users'

import type { TestYixun } from './yixun'

/** Audit entries matching `where`, newest first, read as the database holds them (committed, depth 0). */
export async function auditEntries(yixun: TestYixun, where: Where): Promise<AuditLog[]> {
  const { docs } = await yixun.payload.find({ collection: 'audit-log', where, sort: '-createdAt', depth: 0, limit: 200 })
  return docs
}

export async function userIdOf(yixun: TestYixun, role: Role) {
  const { docs } = await yixun.payload.find({ collection: 'users', where: { email: { equals: demoEmail(role) } }, depth: 0 })
  return docs[0].id
}

/** A Local API request as a demo account (or the system), with the headers an HTTP request would carry. */
export async function localRequest(yixun: TestYixun, role: Role | null, headers: Record<string, string> = {}): Promise<PayloadRequest> {
  const user = role ? { ...(await yixun.payload.findByID({ collection: 'users', id: await userIdOf(yixun, role), depth: 0 })), collection: 'users' as const } : undefined
  return createLocalReq({ user, req: { headers: new Headers(headers) } }, yixun.payload)
}
