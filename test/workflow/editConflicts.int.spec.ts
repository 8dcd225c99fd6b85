import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'

import { act, createAs, noticeData, versionsOf } from '../helpers/content'
import { type Answer, atInstant, type SecondInstance, startSecondInstance } from '../helpers/secondInstance'
import { startYixun, type TestYixun } from '../helpers/yixun'

let yixun: TestYixun
let other: SecondInstance

beforeAll(async () => {
  yixun = await startYixun()
})

afterAll(async () => {
  await other?.stop()
  await yixun.payload.destroy().catch(() => {})
})

type Doc = Record<string, any>

/** What the admin's edit view loads into its form: the working copy, every field, updatedAt included. */
async function openForEditing(role: Role, id: number | string): Promise<Doc> {
  const response = await yixun.rest.get(`notices/${id}?draft=true&depth=0`, { token: await yixun.tokenFor(role) })
  expect(response.status).toBe(200)
  return response.json()
}

/** Saves as the admin's edit form does: PATCH ?draft=true, the whole form as JSON in a multipart `_payload`. */
async function saveForm(role: Role, id: number | string, form: Doc): Promise<Answer> {
  const body = new FormData()
  body.append('_payload', JSON.stringify(form))
  const response = await yixun.rest.patch(`notices/${id}?draft=true&depth=0`, { token: await yixun.tokenFor(role), form: body })
  return { status: response.status, body: await response.json() }
}

async function draftNotice() {
  return (await createAs(yixun, 'editor', 'notices', await noticeData(yixun))).id
}

describe('saving an item someone else changed meanwhile', () => {
  it('refuses the stale save with 409 EDIT_CONFLICT saying who changed which field and when, and keeps the other change', async () => {
    const id = await draftNotice()
    const editorsForm = await openForEditing('editor', id)
    const adminsForm = await openForEditing('admin', id)

    expect((await saveForm('admin', id, { ...adminsForm, title: '心血管内科线上复诊开通（更正）' })).status).toBe(200)
    const stale = await saveForm('editor', id, { ...editorsForm, summary: '编辑改写的摘要' })

    expect(stale.status).toBe(409)
    const [error] = stale.body.errors
    expect(error.code).toBe('EDIT_CONFLICT')
    expect(error.data).toMatchObject({ changedFields: ['title'], updatedBy: { name: '王建国（系统管理员）' } })
    expect(error.message).toMatch(/王建国（系统管理员）.*Title/)
    const { working } = await versionsOf(yixun, 'notices', id)
    expect(working.updatedAt).toBe(error.data.updatedAt)
    expect(working.title).toBe('心血管内科线上复诊开通（更正）')
    expect(working.summary).toBe(editorsForm.summary)
  })

  it('answers in Chinese by default, naming the field by its Chinese label and the time in Beijing time', async () => {
    const id = await draftNotice()
    const form = await openForEditing('editor', id)
    expect((await saveForm('admin', id, { ...form, summary: '管理员改的摘要' })).status).toBe(200)
    const response = await yixun.rest.patch(`notices/${id}?draft=true`, {
      token: await yixun.tokenFor('editor'),
      headers: { 'Accept-Language': 'zh' },
      body: { summary: '编辑改的摘要', updatedAt: form.updatedAt },
    })
    expect(response.status).toBe(409)
    const { message } = (await response.json()).errors[0]
    expect(message).toMatch(/王建国（系统管理员） 已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）修改了此内容的 摘要/)
  })

  it('accepts saves in a row, each sending the updatedAt the previous save answered, as the admin form does', async () => {
    const id = await draftNotice()
    let form = await openForEditing('editor', id)
    for (const summary of ['第一次修改', '第二次修改', '第三次修改']) {
      const saved = await saveForm('editor', id, { ...form, summary })
      expect(saved.status, JSON.stringify(saved.body)).toBe(200)
      form = saved.body.doc
    }
    expect((await versionsOf(yixun, 'notices', id)).working.summary).toBe('第三次修改')
  })

  it('lets a save through when only the review state moved since the form was opened', async () => {
    const id = await draftNotice()
    const form = await openForEditing('editor', id)
    expect((await act(yixun, 'editor', 'notices', id, 'submit')).status).toBe(200)
    const saved = await saveForm('editor', id, { ...form, summary: '提交后补充的说明' })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    const { working } = await versionsOf(yixun, 'notices', id)
    expect(working).toMatchObject({ summary: '提交后补充的说明', workflowState: 'in_review' })
  })

  it('refuses a save naming a version it cannot find', async () => {
    const id = await draftNotice()
    const response = await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('editor'), body: { summary: '改', updatedAt: '2020-01-01T00:00:00.000Z' } })
    expect(response.status).toBe(409)
    expect((await response.json()).errors[0]).toMatchObject({ code: 'EDIT_CONFLICT', data: { changedFields: [] } })
  })

  it('accepts a save without updatedAt: a client that sends none overwrites the fields it sends', async () => {
    const id = await draftNotice()
    await saveForm('admin', id, { ...(await openForEditing('admin', id)), title: '管理员的标题' })
    const response = await yixun.rest.patch(`notices/${id}`, { token: await yixun.tokenFor('editor'), body: { title: '脚本写入的标题' } })
    expect(response.status).toBe(200)
    expect((await versionsOf(yixun, 'notices', id)).working.title).toBe('脚本写入的标题')
  })
})

describe('an item made after another was deleted', () => {
  it('saves normally even when it inherits the deleted item\'s id (SQLite reuses a deleted row\'s id)', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await draftNotice()
      expect((await saveForm('editor', id, { ...(await openForEditing('editor', id)), summary: `第${round}稿` })).status).toBe(200)
      expect((await yixun.rest.delete(`notices/${id}`, { token: await yixun.tokenFor('admin') })).status).toBe(200)
    }
    const id = await draftNotice()
    const saved = await saveForm('editor', id, { ...(await openForEditing('editor', id)), summary: '新的一条' })
    expect([saved.status, saved.body.errors?.[0]?.code]).toEqual([200, undefined])
  })
})

describe('two saves fired at the same instant from the same version', () => {
  // A second server: another process with its own connections (booting Payload takes a while on a busy machine).
  beforeAll(async () => {
    other = await startSecondInstance(yixun.databaseUri)
  }, 240_000)

  for (const where of ['one instance', 'two instances'] as const) {
    it(`keeps exactly one of them and refuses the other with 409 EDIT_CONFLICT (${where})`, async () => {
      for (let round = 0; round < 4; round++) {
        const id = await draftNotice()
        const { updatedAt } = await openForEditing('editor', id)
        const at = Date.now() + 300
        const path = `notices/${id}?draft=true&depth=0`
        const save = async (from: 'here' | 'other', role: Role, title: string): Promise<Answer> => {
          const token = await yixun.tokenFor(role)
          const body = { title, updatedAt }
          if (from === 'other') return other.request('PATCH', path, { at, token, body })
          await atInstant(at)
          const response = await yixun.rest.patch(path, { token, body })
          return { status: response.status, body: await response.json() }
        }
        const answers = await Promise.all([save('here', 'editor', '编辑的标题'), save(where === 'one instance' ? 'here' : 'other', 'admin', '管理员的标题')])

        expect(answers.map((answer) => answer.status).sort(), JSON.stringify(answers)).toEqual([200, 409])
        const winner = answers.find((answer) => answer.status === 200)!
        const loser = answers.find((answer) => answer.status === 409)!
        expect(loser.body.errors[0].code).toBe('EDIT_CONFLICT')
        const { working } = await versionsOf(yixun, 'notices', id)
        expect(working.title).toBe(winner.body.doc.title)
        expect(working.updatedAt).toBe(winner.body.doc.updatedAt)
      }
    })
  }
})
