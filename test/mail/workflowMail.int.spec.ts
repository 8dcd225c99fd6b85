import { initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { notifyWorkflowTransition } from '@/mail/notifyWorkflowTransition'
import { demoEmail } from '@/seed/users'

import { clearJobs, departmentId, ensureStaff, mailJobs, requestAs, userByEmail } from '../helpers/mail'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp'
import { startYixun, type TestYixun } from '../helpers/yixun'

const SERVER_URL = 'https://yixun.hospital.example'
const OPH_REVIEWER = 'oph-reviewer@yixun.local'
const CARD_REVIEWER = 'card-reviewer@yixun.local'

let yixun: TestYixun
let smtp: TestSmtpServer

beforeAll(async () => {
  smtp = await startSmtpServer()
  // Read when the config loads: set before Payload starts.
  vi.stubEnv('SMTP_URL', smtp.url)
  vi.stubEnv('SERVER_URL', SERVER_URL)
  yixun = await startYixun()
  await ensureStaff(yixun.payload, { email: OPH_REVIEWER, name: '赵明（眼科审核）', roles: ['reviewer'], departmentCodes: ['OPH'] })
  await ensureStaff(yixun.payload, { email: CARD_REVIEWER, name: '孙丽（心内审核）', roles: ['reviewer'], departmentCodes: ['CARD'] })
})

beforeEach(async () => {
  await clearJobs(yixun.payload)
  smtp.received.length = 0
})

afterAll(async () => {
  await yixun?.payload.destroy().catch(() => {})
  await smtp?.close()
  vi.unstubAllEnvs()
})

const recipientsOf = () => smtp.received.flatMap((mail) => mail.envelopeTo).sort()

describe('mail on submit', () => {
  it('mails the reviewers of the departments concerned, not reviewers of other departments nor the submitter', async () => {
    const { payload } = yixun
    const req = await requestAs(payload, demoEmail('editor'))
    await notifyWorkflowTransition(req, {
      collection: 'notices',
      id: 101,
      title: '心内科春节门诊安排',
      action: 'submit',
      comment: '请于周五前审核',
      departmentIds: [await departmentId(payload, 'CARD')],
      submitterId: req.user!.id,
    })

    // Queued, not sent: the request itself never talks to the mail server.
    expect(smtp.received).toHaveLength(0)
    expect(await mailJobs(payload)).toHaveLength(2)

    await payload.jobs.run()
    expect(recipientsOf()).toEqual([CARD_REVIEWER, demoEmail('reviewer')].sort())
    const mail = smtp.received[0]
    expect(mail.subject).toBe('【医讯】待审核：心内科春节门诊安排')
    expect(mail.text).toContain('张晓雨（编辑） 提交了通知公告「心内科春节门诊安排」，请您审核。')
    expect(mail.text).toContain('submitted the notice "心内科春节门诊安排" for your review')
    expect(mail.text).toContain('请于周五前审核')
    expect(mail.text).toContain(`${SERVER_URL}/admin/collections/notices/101`)
    expect(mail.from?.text).toContain('yixun@hospital.local')
  })

  it('mails every reviewer, whatever their departments, about a hospital-wide item', async () => {
    const req = await requestAs(yixun.payload, demoEmail('editor'))
    await notifyWorkflowTransition(req, { collection: 'free-clinic-events', id: 7, title: '全院义诊周', action: 'submit', departmentIds: [] })
    await yixun.payload.jobs.run()
    expect(recipientsOf()).toEqual([CARD_REVIEWER, OPH_REVIEWER, demoEmail('reviewer')].sort())
    expect(smtp.received[0].subject).toBe('【医讯】待审核：全院义诊周')
    expect(smtp.received[0].text).toContain('义诊活动「全院义诊周」')
  })

  it('never tells reviewers of their own submission, and falls back to the admins when no other reviewer covers it', async () => {
    const { payload } = yixun
    // The hospital-wide reviewer submits an item of 儿科, which neither limited reviewer covers.
    const req = await requestAs(payload, demoEmail('reviewer'))
    await notifyWorkflowTransition(req, {
      collection: 'notices',
      id: 102,
      title: '儿科疫苗接种提醒',
      action: 'submit',
      departmentIds: [await departmentId(payload, 'PED')],
    })
    await payload.jobs.run()
    expect(recipientsOf()).toEqual([demoEmail('admin')])
  })
})

describe('mail on decisions', () => {
  it.each([
    ['approve', '【医讯】已批准：眼科爱眼日义诊', '批准了您提交的义诊活动', '内容准确，同意发布'],
    ['reject', '【医讯】已驳回：眼科爱眼日义诊', '驳回了您提交的义诊活动', '时间与门诊排班冲突，请改到下午'],
    ['withdraw', '【医讯】已撤下：眼科爱眼日义诊', '撤下了您提交的义诊活动', '活动取消'],
  ] as const)('tells the submitter of %s with the comment and a link to the item', async (action, subject, sentence, comment) => {
    const { payload } = yixun
    const submitter = await userByEmail(payload, demoEmail('editor'))
    const req = await requestAs(payload, demoEmail('reviewer'))
    await notifyWorkflowTransition(req, {
      collection: 'free-clinic-events',
      id: 55,
      title: '眼科爱眼日义诊',
      action,
      comment,
      departmentIds: [await departmentId(payload, 'OPH')],
      submitterId: submitter.id,
    })
    await payload.jobs.run()

    expect(recipientsOf()).toEqual([demoEmail('editor')])
    const [mail] = smtp.received
    expect(mail.subject).toBe(subject)
    expect(mail.text).toContain(`李静（审核员） ${sentence}「眼科爱眼日义诊」`)
    expect(mail.text).toContain(comment)
    expect(mail.text).toContain(`${SERVER_URL}/admin/collections/free-clinic-events/55`)
    expect(mail.html).toContain(`href="${SERVER_URL}/admin/collections/free-clinic-events/55"`)
    expect(mail.html).toContain(comment)
  })

  it('sends nothing on reopen, to a submitter who acted themself, or to a submitter who no longer exists', async () => {
    const { payload } = yixun
    const editor = await userByEmail(payload, demoEmail('editor'))
    const asEditor = await requestAs(payload, demoEmail('editor'))
    const asReviewer = await requestAs(payload, demoEmail('reviewer'))
    const base = { collection: 'notices' as const, id: 103, title: '停诊通知', departmentIds: [] }

    await notifyWorkflowTransition(asEditor, { ...base, action: 'reopen', submitterId: editor.id })
    await notifyWorkflowTransition(asEditor, { ...base, action: 'withdraw', submitterId: editor.id })
    await notifyWorkflowTransition(asReviewer, { ...base, action: 'approve', submitterId: 999_999 })
    await notifyWorkflowTransition(asReviewer, { ...base, action: 'approve', submitterId: null })

    expect(await mailJobs(payload)).toHaveLength(0)
  })
})

describe('mail content', () => {
  it('escapes markup in titles and comments in the HTML part', async () => {
    const { payload } = yixun
    const submitter = await userByEmail(payload, demoEmail('editor'))
    const req = await requestAs(payload, demoEmail('reviewer'))
    const title = '<script>alert("x")</script>义诊 & 咨询'
    await notifyWorkflowTransition(req, {
      collection: 'notices',
      id: 104,
      title,
      action: 'reject',
      comment: '<img src=x onerror=alert(1)> 请重写',
      departmentIds: [],
      submitterId: submitter.id,
    })
    await payload.jobs.run()

    const [mail] = smtp.received
    expect(mail.html).not.toMatch(/<script|<img/i)
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;义诊 &amp; 咨询')
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; 请重写')
    // Plain text and the subject carry the title as typed.
    expect(mail.subject).toBe(`【医讯】已驳回：${title}`)
    expect(mail.text).toContain(title)
  })
})

describe('mail and the transition transaction', () => {
  it('queues nothing when the transition rolls back', async () => {
    const { payload } = yixun
    const req = await requestAs(payload, demoEmail('editor'))
    await initTransaction(req)
    await notifyWorkflowTransition(req, { collection: 'notices', id: 105, title: '回滚的提交', action: 'submit', departmentIds: [] })
    expect(await payload.count({ collection: 'payload-jobs', req })).toEqual({ totalDocs: 3 })
    await killTransaction(req)

    expect(await mailJobs(payload)).toHaveLength(0)
    await payload.jobs.run()
    expect(smtp.received).toHaveLength(0)
  })
})
