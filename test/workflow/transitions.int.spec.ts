import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'
import type { WorkflowAction } from '@/workflow/states'

import { act, createAs, departmentId, hoursFromNow, noticeData, versionsOf } from '../helpers/content'
import { ensureStaff } from '../helpers/mail'
import { startYixun, TEST_PASSWORD, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

type Setup = 'draft' | 'in_review' | 'approved' | 'published' | 'rejected'

/** An editor's cardiology notice brought to a state by the people who would bring it there. */
async function noticeIn(state: Setup) {
  const future = state === 'approved' ? { publishAt: hoursFromNow(24) } : {}
  const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, future))
  if (state === 'draft') return notice.id
  expect((await act(yixun, 'editor', 'notices', notice.id, 'submit')).status).toBe(200)
  if (state === 'in_review') return notice.id
  if (state === 'rejected') {
    expect((await act(yixun, 'reviewer', 'notices', notice.id, 'reject', '标题请写明开通日期')).status).toBe(200)
    return notice.id
  }
  expect((await act(yixun, 'reviewer', 'notices', notice.id, 'approve')).status).toBe(200)
  return notice.id
}

const ALL: Role[] = ['admin', 'reviewer', 'editor', 'publicity', 'viewer']

/** Every action × every role: who may, from the state the action starts in. */
const MATRIX: Array<{ action: WorkflowAction; from: Setup; allowed: Role[]; to: string; comment?: string }> = [
  { action: 'submit', from: 'draft', allowed: ['admin', 'editor', 'publicity'], to: 'in_review' },
  { action: 'approve', from: 'in_review', allowed: ['admin', 'reviewer'], to: 'published' },
  { action: 'reject', from: 'in_review', allowed: ['admin', 'reviewer'], to: 'rejected', comment: '请补充停诊日期' },
  { action: 'withdraw', from: 'published', allowed: ['admin', 'reviewer'], to: 'withdrawn', comment: '活动取消' },
  { action: 'reopen', from: 'rejected', allowed: ['admin', 'editor', 'publicity'], to: 'draft' },
]

describe('who may perform each workflow action', () => {
  for (const { action, from, allowed, to, comment } of MATRIX) {
    for (const role of ALL) {
      const may = allowed.includes(role)
      it(`${may ? 'lets' : 'refuses'} ${role} ${action} a ${from} notice`, async () => {
        const id = await noticeIn(from)
        const before = await versionsOf(yixun, 'notices', id)
        const { status, body } = await act(yixun, role, 'notices', id, action, comment)
        const after = await versionsOf(yixun, 'notices', id)
        if (may) {
          expect(status, JSON.stringify(body)).toBe(200)
          expect(body.state).toBe(to)
          expect(after.working.workflowState).toBe(to)
        } else {
          expect(status).toBe(403)
          expect(body.errors[0].code).toBe('WORKFLOW_ROLE_FORBIDDEN')
          expect(after.working.workflowState).toBe(before.working.workflowState)
          expect(Boolean(after.live)).toBe(Boolean(before.live))
        }
      })
    }
  }

  it('answers 401 to an anonymous workflow request', async () => {
    const id = await noticeIn('draft')
    const { status } = await act(yixun, null, 'notices', id, 'submit')
    expect(status).toBe(401)
  })
})

describe('workflow rules', () => {
  it('refuses an action from the wrong state with 409', async () => {
    const id = await noticeIn('draft')
    const { status, body } = await act(yixun, 'reviewer', 'notices', id, 'approve')
    expect(status).toBe(409)
    expect(body.errors[0]).toMatchObject({ code: 'WORKFLOW_STATE_CONFLICT', message: expect.stringMatching(/draft/) })
  })

  it('refuses a rejection without a comment with 422, changing nothing', async () => {
    const id = await noticeIn('in_review')
    const { status, body } = await act(yixun, 'reviewer', 'notices', id, 'reject', '   ')
    expect(status).toBe(422)
    expect(body.errors[0].code).toBe('COMMENT_REQUIRED')
    expect((await versionsOf(yixun, 'notices', id)).working.workflowState).toBe('in_review')
  })

  it('refuses an unknown action with 422 naming the allowed ones', async () => {
    const id = await noticeIn('draft')
    const { status, body } = await act(yixun, 'editor', 'notices', id, 'publish')
    expect(status).toBe(422)
    expect(body.errors[0]).toMatchObject({ code: 'INVALID_ACTION', message: expect.stringMatching(/submit, approve, reject, withdraw, reopen/) })
  })

  it('answers 404 for an item that does not exist', async () => {
    const { status } = await act(yixun, 'reviewer', 'notices', 987654, 'approve')
    expect(status).toBe(404)
  })

  it('keeps the reviewer comment and decider on a rejected notice', async () => {
    const id = await noticeIn('rejected')
    const { working } = await versionsOf(yixun, 'notices', id)
    expect(working.decisionComment).toBe('标题请写明开通日期')
    const reviewer = (await yixun.payload.find({ collection: 'users', where: { email: { equals: 'reviewer@yixun.local' } } })).docs[0]
    expect(working.decidedBy).toBe(reviewer.id)
  })

  it('leaves an approval with a future time approved, not live', async () => {
    const id = await noticeIn('approved')
    const { working, live } = await versionsOf(yixun, 'notices', id)
    expect(working.workflowState).toBe('approved')
    expect(live).toBeNull()
  })

  it('publishes at once an approval whose time has passed', async () => {
    const notice = await createAs(yixun, 'editor', 'notices', await noticeData(yixun, { publishAt: hoursFromNow(-1) }))
    await act(yixun, 'editor', 'notices', notice.id, 'submit')
    const { body } = await act(yixun, 'reviewer', 'notices', notice.id, 'approve')
    expect(body).toMatchObject({ state: 'published', live: true })
    expect((await versionsOf(yixun, 'notices', notice.id)).live?.title).toBe(notice.title)
  })

  it('takes content down at once on withdraw', async () => {
    const id = await noticeIn('published')
    expect((await versionsOf(yixun, 'notices', id)).live).not.toBeNull()
    await act(yixun, 'reviewer', 'notices', id, 'withdraw', '信息有误')
    const { working, live } = await versionsOf(yixun, 'notices', id)
    expect(live).toBeNull()
    expect(working.workflowState).toBe('withdrawn')
  })
})

describe('nobody approves their own work', () => {
  it('refuses an admin approving what the admin submitted', async () => {
    const notice = await createAs(yixun, 'admin', 'notices', await noticeData(yixun))
    await act(yixun, 'admin', 'notices', notice.id, 'submit')
    for (const action of ['approve', 'reject'] as const) {
      const { status, body } = await act(yixun, 'admin', 'notices', notice.id, action, '自审')
      expect(status).toBe(403)
      expect(body.errors[0].code).toBe('OWN_WORK_FORBIDDEN')
    }
    // A second person may.
    expect((await act(yixun, 'reviewer', 'notices', notice.id, 'approve')).status).toBe(200)
  })

  it('refuses an admin approving what the admin last edited, though someone else submitted it', async () => {
    const id = await noticeIn('in_review')
    const edit = await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('admin'), body: { summary: '管理员改了摘要' } })
    expect(edit.status).toBe(200)
    const { status, body } = await act(yixun, 'admin', 'notices', id, 'approve')
    expect(status).toBe(403)
    expect(body.errors[0].code).toBe('OWN_WORK_FORBIDDEN')
  })

  /** An editor's notice in review that the admin rewrote, after which the editor changed one character. */
  async function rewrittenByAdmin() {
    const id = await noticeIn('in_review')
    const admin = await yixun.tokenFor('admin')
    expect((await yixun.rest.patch(`notices/${id}`, { token: admin, body: { title: '管理员重写的标题', summary: '管理员重写的全部摘要内容。' } })).status).toBe(200)
    expect((await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('editor'), body: { summary: '管理员重写的全部摘要内容！' } })).status).toBe(200)
    return id
  }

  it('refuses an admin approving or rejecting text they rewrote in review, though the editor touched it last', async () => {
    const id = await rewrittenByAdmin()
    for (const action of ['approve', 'reject'] as const) {
      const { status, body } = await act(yixun, 'admin', 'notices', id, action, '看过了')
      expect(status).toBe(403)
      expect(body.errors[0].code).toBe('OWN_WORK_FORBIDDEN')
    }
    expect((await versionsOf(yixun, 'notices', id)).working.workflowState).toBe('in_review')
  })

  it('offers the admin no decision on it, in the review panel and the dashboard, while a reviewer gets both', async () => {
    const id = await rewrittenByAdmin()
    const panel = async (role: Role) => (await (await yixun.rest.get(`notices/${id}/workflow`, { token: await yixun.tokenFor(role) })).json()).allowedActions
    const queue = async (role: Role) =>
      ((await (await yixun.rest.get('dashboard', { token: await yixun.tokenFor(role) })).json()).reviewQueue as Array<{ collection: string; id: unknown }>).some(
        (item) => item.collection === 'notices' && String(item.id) === String(id),
      )
    expect(await panel('admin')).not.toContain('approve')
    expect(await panel('admin')).not.toContain('reject')
    expect(await queue('admin')).toBe(false)
    expect(await panel('reviewer')).toEqual(expect.arrayContaining(['approve', 'reject']))
    expect(await queue('reviewer')).toBe(true)
  })

  it('starts afresh after an approval: who edited before it may judge the next edit by someone else', async () => {
    const id = await rewrittenByAdmin()
    expect((await act(yixun, 'reviewer', 'notices', id, 'approve')).status).toBe(200)
    expect((await versionsOf(yixun, 'notices', id)).working.editorsSinceApproval).toEqual([])

    expect((await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('editor'), body: { summary: '上线后补充说明。' } })).status).toBe(200)
    expect((await act(yixun, 'editor', 'notices', id, 'submit')).status).toBe(200)
    expect((await act(yixun, 'admin', 'notices', id, 'approve')).status).toBe(200)
  })
})

describe('department scope', () => {
  it('refuses the demo editor writing for a department outside their scope', async () => {
    const { docs } = await yixun.payload.find({ collection: 'departments', where: { code: { equals: 'ORTH' } } })
    const response = await yixun.rest.post('notices', { token: await yixun.tokenFor('editor'), body: await noticeData(yixun, { departments: [docs[0].id] }) })
    expect(response.status).toBe(403)
    expect((await response.json()).errors[0].code).toBe('DEPARTMENT_OUT_OF_SCOPE')
  })

  it('refuses the demo editor writing a hospital-wide notice', async () => {
    const response = await yixun.rest.post('notices', { token: await yixun.tokenFor('editor'), body: await noticeData(yixun, { departments: [] }) })
    expect(response.status).toBe(403)
  })

  it('refuses the demo editor editing, submitting or deleting a notice of another department, changing nothing', async () => {
    const notice = await createAs(yixun, 'publicity', 'notices', await noticeData(yixun, { departments: [await departmentId(yixun, 'ORTH')] }))
    const token = await yixun.tokenFor('editor')
    const before = await versionsOf(yixun, 'notices', notice.id)

    expect((await yixun.rest.patch(`notices/${notice.id}`, { token, body: { summary: '越权修改' } })).status).toBe(403)
    const submit = await act(yixun, 'editor', 'notices', notice.id, 'submit')
    expect(submit.status).toBe(403)
    expect(submit.body.errors[0].code).toBe('DEPARTMENT_OUT_OF_SCOPE')
    expect((await yixun.rest.delete(`notices/${notice.id}`, { token })).status).toBe(403)

    const after = await versionsOf(yixun, 'notices', notice.id)
    expect(after.working.summary).toBe(before.working.summary)
    expect(after.working.workflowState).toBe('draft')
  })

  it('refuses the demo editor editing a notice shared with a department outside their scope', async () => {
    const departments = [await departmentId(yixun, 'CARD'), await departmentId(yixun, 'ORTH')]
    const notice = await createAs(yixun, 'publicity', 'notices', await noticeData(yixun, { departments }))
    const response = await yixun.rest.patch(`notices/${notice.id}`, { token: await yixun.tokenFor('editor'), body: { summary: '越权修改' } })
    expect(response.status).toBe(403)
    expect((await versionsOf(yixun, 'notices', notice.id)).working.summary).toBe(notice.summary)
  })

  it('refuses a reviewer limited to a department approving or rejecting another department’s notice', async () => {
    await ensureStaff(yixun.payload, { email: 'gi-reviewer@yixun.local', name: '消化内科审核员', roles: ['reviewer'], departmentCodes: ['GI'] })
    const { token } = await yixun.payload.login({ collection: 'users', data: { email: 'gi-reviewer@yixun.local', password: TEST_PASSWORD } })
    const notice = await createAs(yixun, 'publicity', 'notices', await noticeData(yixun, { departments: [await departmentId(yixun, 'ORTH')] }))
    expect((await act(yixun, 'publicity', 'notices', notice.id, 'submit')).status).toBe(200)

    for (const [action, comment] of [['approve'], ['reject', '越权驳回']] as const) {
      const response = await yixun.rest.post(`notices/${notice.id}/workflow`, { token: token!, body: { action, comment } })
      expect(response.status).toBe(403)
      expect((await response.json()).errors[0].code).toBe('DEPARTMENT_OUT_OF_SCOPE')
    }
    expect((await versionsOf(yixun, 'notices', notice.id)).working.workflowState).toBe('in_review')
  })

  it('lets publicity staff write hospital-wide', async () => {
    const notice = await createAs(yixun, 'publicity', 'notices', await noticeData(yixun, { departments: [] }))
    expect(notice.workflowState).toBe('draft')
  })
})
