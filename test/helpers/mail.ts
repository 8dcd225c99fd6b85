import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Role } from '@/auth/roles'
import type { PayloadJob, User } from '@/payload-types'

import { TEST_PASSWORD } from './yixun'

export async function userByEmail(payload: Payload, email: string): Promise<User> {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1 })
  if (!docs[0]) throw new Error(`no user ${email}`)
  return docs[0]
}

/** A Local API request made by this user, as the workflow endpoint would hand it over. */
export async function requestAs(payload: Payload, email: string): Promise<PayloadRequest> {
  const user = await userByEmail(payload, email)
  return createLocalReq({ user: { ...user, collection: 'users' } }, payload)
}

/** Creates (or finds) a staff account limited to the given department codes. */
export async function ensureStaff(
  payload: Payload,
  { email, name, roles, departmentCodes = [] }: { email: string; name: string; roles: Role[]; departmentCodes?: string[] },
): Promise<User> {
  const existing = await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1 })
  if (existing.docs[0]) return existing.docs[0]
  const { docs: departments } = await payload.find({ collection: 'departments', where: { code: { in: departmentCodes } }, depth: 0, limit: 0 })
  return payload.create({
    collection: 'users',
    data: { email, name, roles, departments: departments.map(({ id }) => id), password: TEST_PASSWORD },
  })
}

export async function departmentId(payload: Payload, code: string) {
  const { docs } = await payload.find({ collection: 'departments', where: { code: { equals: code } }, depth: 0, limit: 1 })
  return docs[0].id
}

export async function mailJobs(payload: Payload): Promise<PayloadJob[]> {
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendMail' } }, depth: 0, pagination: false, sort: 'createdAt' })
  return docs
}

export async function clearJobs(payload: Payload) {
  await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
}

/** Makes every waiting retry due now, instead of waiting out the backoff. */
export async function makeRetriesDue(payload: Payload) {
  await payload.update({
    collection: 'payload-jobs',
    where: { waitUntil: { exists: true } },
    data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
  })
}
