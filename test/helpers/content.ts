import type { Role } from '@/auth/roles'
import type { PublishableCollection, WorkflowAction } from '@/workflow/states'

import type { TestYixun } from './yixun'

type Id = number | string

export async function departmentId(yixun: TestYixun, code: string): Promise<Id> {
  const { docs } = await yixun.payload.find({ collection: 'departments', where: { code: { equals: code } }, limit: 1 })
  if (!docs[0]) throw new Error(`no department ${code}`)
  return docs[0].id
}

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString()

/** A valid notice for the cardiology department (within the demo editor's scope). */
export async function noticeData(yixun: TestYixun, overrides: Record<string, unknown> = {}) {
  return {
    title: '心血管内科线上复诊开通',
    summary: '复诊患者可在线问诊、续方。',
    audience: 'patient',
    placement: 'list',
    kind: 'feature_launch',
    priority: 50,
    departments: [await departmentId(yixun, 'CARD')],
    link: 'yixun://consult/cardiology',
    ...overrides,
  }
}

export async function eventData(yixun: TestYixun, overrides: Record<string, unknown> = {}) {
  return {
    title: '心血管内科周六义诊',
    departments: [await departmentId(yixun, 'CARD')],
    audience: 'patient',
    mode: 'onsite',
    address: '门诊大厅一楼',
    sessions: [
      { startsAt: hoursFromNow(48), endsAt: hoursFromNow(51), quota: 40 },
      { startsAt: hoursFromNow(72), endsAt: hoursFromNow(75), quota: 30 },
    ],
    registrationLink: 'https://hospital.example.cn/clinic/2026-11',
    announceOnHomepage: true,
    ...overrides,
  }
}

/** Creates an item over REST as the given role and returns its document. */
export async function createAs(yixun: TestYixun, role: Role, collection: PublishableCollection, data: Record<string, unknown>) {
  const response = await yixun.rest.post(collection, { token: await yixun.tokenFor(role), body: data })
  const body = await response.json()
  if (response.status !== 201) throw new Error(`create ${collection} as ${role}: ${response.status} ${JSON.stringify(body)}`)
  return body.doc as { id: Id } & Record<string, any>
}

/** POST …/<id>/workflow as the given role (or anonymously). */
export async function act(yixun: TestYixun, role: Role | null, collection: PublishableCollection, id: Id, action: WorkflowAction | string, comment?: string) {
  const response = await yixun.rest.post(`${collection}/${id}/workflow`, {
    token: role ? await yixun.tokenFor(role) : undefined,
    body: { action, ...(comment !== undefined ? { comment } : {}) },
  })
  return { status: response.status, body: await response.json() }
}

/** The working copy (latest version) and the live document as the apps would see it. */
export async function versionsOf(yixun: TestYixun, collection: PublishableCollection, id: Id) {
  const working = await yixun.payload.findByID({ collection, id, draft: true, depth: 0 })
  const main = await yixun.payload.findByID({ collection, id, draft: false, depth: 0 })
  return { working: working as Record<string, any>, live: main._status === 'published' ? (main as Record<string, any>) : null }
}
