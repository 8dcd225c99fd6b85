import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'
import { demoEmail } from '@/seed/users'

import { auditEntries } from '../helpers/audit'
import { act, createAs, hoursFromNow, noticeData, versionsOf } from '../helpers/content'
import { clearJobs } from '../helpers/mail'
import { type Answer, atInstant, type SecondInstance, startSecondInstance } from '../helpers/secondInstance'
import { createWebhookApp, deliveriesOf } from '../helpers/webhooks'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let other: SecondInstance

beforeAll(async () => {
  yixun = await startYixun()
  // One app reads the patient feed: a publish of a patient notice is one webhook delivery.
  await createWebhookApp(yixun.payload, { name: '患者端（测试）', feeds: ['patient'], webhookUrl: 'http://127.0.0.1:9/yixun-webhook' })
  // A second server: another process with its own connections (booting Payload takes a while on a busy machine).
  other = await startSecondInstance(yixun.databaseUri)
}, 240_000)

afterAll(async () => {
  await other?.stop()
  await yixun.payload.destroy().catch(() => {})
})

const ROUNDS = 5

type Where = 'one instance' | 'two instances'

/** POST …/workflow as `role`, through this instance or (from: 'other') the second one, at the instant `at`. */
async function decide(from: 'here' | 'other', at: number, role: Role, id: number | string, action: string, comment?: string): Promise<Answer> {
  const path = `notices/${id}/workflow`
  const token = await yixun.tokenFor(role)
  const body = { action, ...(comment ? { comment } : {}) }
  if (from === 'other') return other.request('POST', path, { at, token, body })
  await atInstant(at)
  const response = await yixun.rest.post(path, { token, body })
  return { status: response.status, body: await response.json() }
}

/** Two decisions at the same instant: both through this instance (separate requests and transactions), or one through each instance. */
function duel(where: Where, id: number | string, first: [Role, string, string?], second: [Role, string, string?]) {
  const at = Date.now() + 300
  return Promise.all([decide('here', at, ...withId(first, id)), decide(where === 'one instance' ? 'here' : 'other', at, ...withId(second, id))])
}

const withId = ([role, action, comment]: [Role, string, string?], id: number | string) => [role, id, action, comment] as const

async function inReview(overrides: Record<string, unknown>) {
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, overrides))
  expect((await act(yixun, 'editor', 'notices', notice.id, 'submit')).status).toBe(200)
  await clearJobs(yixun.payload)
  return notice.id
}

const entries = async (id: number | string, action: string) =>
  (await auditEntries(yixun, { and: [{ documentId: { equals: String(id) } }, { action: { equals: action } }] })).length

async function jobs(task: string) {
  const { docs } = await yixun.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: task } }, depth: 0, pagination: false })
  return docs.map((job) => job.input as Record<string, unknown>)
}

/** Exactly one 200 and one 409 WORKFLOW_STATE_CONFLICT, never a 5xx; returns the winner's answer. */
function oneWins(answers: Answer[]) {
  const statuses = answers.map((answer) => answer.status).sort()
  expect(statuses, JSON.stringify(answers)).toEqual([200, 409])
  const loser = answers.find((answer) => answer.status === 409)!
  expect(loser.body.errors[0].code).toBe('WORKFLOW_STATE_CONFLICT')
  return answers.find((answer) => answer.status === 200)!
}

describe('two people deciding on the same item at the same instant', () => {
  for (const where of ['one instance', 'two instances'] as const) {
    it(`approves once with a future publish time: one approval, one mail, one scheduled job (${where})`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const id = await inReview({ publishAt: hoursFromNow(24) })
        oneWins(await duel(where, id, ['reviewer', 'approve'], ['admin', 'approve']))

        expect((await versionsOf(yixun, 'notices', id)).working.workflowState).toBe('approved')
        expect(await entries(id, 'approve')).toBe(1)
        expect((await jobs('sendMail')).filter((mail) => mail.to === demoEmail('editor'))).toHaveLength(1)
        expect((await jobs('runSchedule')).filter((job) => String(job.id) === String(id) && job.action === 'publish')).toHaveLength(1)
      }
    })

    it(`publishes once when approval puts it live at once: one publish, one mail, one webhook event (${where})`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const id = await inReview({})
        const winner = oneWins(await duel(where, id, ['reviewer', 'approve'], ['admin', 'approve']))
        expect(winner.body).toMatchObject({ state: 'published', live: true })

        expect(await entries(id, 'approve')).toBe(1)
        expect(await entries(id, 'publish')).toBe(1)
        expect((await jobs('sendMail')).filter((mail) => mail.to === demoEmail('editor'))).toHaveLength(1)
        const deliveries = await deliveriesOf(yixun.payload, 'notices', id)
        expect(deliveries.map((delivery) => delivery.eventType)).toEqual(['published'])
        expect(await jobs('deliverWebhook')).toHaveLength(1)
      }
    })

    it(`lets either an approval or a rejection happen, never both (${where})`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const id = await inReview({ publishAt: hoursFromNow(24) })
        const winner = oneWins(await duel(where, id, ['reviewer', 'reject', '请补充停诊日期'], ['admin', 'approve']))
        const { working } = await versionsOf(yixun, 'notices', id)
        expect(working.workflowState).toBe(winner.body.state)
        expect((await entries(id, 'approve')) + (await entries(id, 'reject'))).toBe(1)
        expect((await jobs('sendMail')).filter((mail) => mail.to === demoEmail('editor'))).toHaveLength(1)
      }
    })
  }

  it('tells the loser what happened: the state the item is in now, in the caller’s language', async () => {
    const id = await inReview({ publishAt: hoursFromNow(24) })
    const answers = await duel('two instances', id, ['reviewer', 'approve'], ['admin', 'approve'])
    const loser = answers.find((answer) => answer.status === 409)!
    expect(loser.body.errors[0].message).toMatch(/approved|Approve/i)
  })
})
