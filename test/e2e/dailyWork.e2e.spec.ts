import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoEmail } from '@/seed/users'

import { launchChromium, shoot, signInToAdmin } from '../helpers/browser'
import { makeClip } from '../media/fixtures'
import { type RunningServer, runSeed, startProductionServer, tempSqliteUri } from '../helpers/server'

/**
 * The operations office's daily work, in a browser against the production build: a notice from
 * draft to the patient app through a rejection, a promo video from upload to the doctor app, and
 * the statistics of what the apps reported. Screenshots land in test-results/ (and, with
 * DOCS_SCREENSHOTS=1, the README's tour pictures in docs/).
 */
const PASSWORD = 'e2e-daily-password'
const PATIENT_KEY = `yxk_${'p'.repeat(43)}`
const DOCTOR_KEY = `yxk_${'d'.repeat(43)}`
type Role = 'admin' | 'editor' | 'reviewer' | 'publicity' | 'viewer'

let server: RunningServer
let browser: Browser
let files: string

beforeAll(async () => {
  const databaseUri = tempSqliteUri()
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-daily-'))
  server = await startProductionServer({ DATABASE_URI: databaseUri, YIXUN_MEDIA_DIR: path.join(files, 'media') })
  runSeed({ DATABASE_URI: databaseUri, SEED_PASSWORD: PASSWORD, SEED_PATIENT_APP_KEY: PATIENT_KEY, SEED_DOCTOR_APP_KEY: DOCTOR_KEY, YIXUN_MEDIA_DIR: path.join(files, 'media') })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (files) fs.rmSync(files, { recursive: true, force: true })
})

const signIn = (role: Role) => signInToAdmin(browser, server.url, demoEmail(role), PASSWORD, { acceptDownloads: true })

/** yyyy-MM-dd HH:mm in Beijing time, as staff type it into the admin's date fields. */
function beijing(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

async function feed(audience: 'patient' | 'doctor') {
  const response = await fetch(`${server.url}/api/feed/${audience}`, { headers: { Authorization: `Bearer ${audience === 'patient' ? PATIENT_KEY : DOCTOR_KEY}` } })
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, any>
}

const noticeIdsIn = (body: Record<string, any>): string[] =>
  Object.values(body.notices ?? {})
    .flat()
    .map((item: any) => String(item.id))

async function typeDate(page: Page, field: string, value: string) {
  const input = page.locator(`#field-${field} input`).first()
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

/** Chooses an option of a select or relationship field the way staff do: open, type, Enter. */
async function pickOption(page: Page, field: string, label: string) {
  const input = page.locator(`#field-${field} .rs__input`).first()
  await input.click()
  await input.fill(label)
  await page.locator('.rs__option', { hasText: label }).first().click()
}

async function workflowAction(page: Page, label: string, comment?: string) {
  const panel = page.getByTestId('workflow-panel')
  await expect.poll(() => panel.getByRole('button', { name: label }).count(), { timeout: 30_000 }).toBe(1)
  if (comment) await page.getByTestId('workflow-comment').fill(comment)
  await panel.getByRole('button', { name: label }).click()
}

describe('a notice from draft to the patient app', () => {
  it('is written with an image, scheduled, rejected with a comment, fixed, approved, and goes live at its time', { timeout: 420_000 }, async () => {
    const photo = path.join(files, 'night-clinic.jpg')
    await makeClip(photo, { size: '1200x675', seconds: 1, audio: false, output: ['-frames:v', '1'] })
    // A whole minute (the admin's date fields have minute precision) far enough ahead for the review round.
    const publishAt = new Date(Math.ceil((Date.now() + 100_000) / 60_000) * 60_000)
    const expireAt = new Date(publishAt.getTime() + 7 * 24 * 3600_000)

    // The editor writes the notice, with a photo, and schedules it.
    const editor = await signIn('editor')
    await editor.page.goto(`${server.url}/admin/collections/notices/create`)
    await editor.page.locator('#field-title').fill('互联网医院夜间门诊上线')
    await editor.page.locator('#field-summary').fill('每晚 18:00–22:00 在线复诊')
    await editor.page.locator('[contenteditable="true"]').first().click()
    await editor.page.keyboard.type('夜间门诊覆盖内科、儿科等科室，复诊患者可在线开方。')
    await editor.page.locator('#field-image').getByRole('button', { name: '创建新条目' }).click()
    const drawer = editor.page.locator('.drawer__content').last()
    await drawer.locator('input[type="file"]').setInputFiles(photo)
    await drawer.locator('#field-alt').fill('夜间门诊医生在线接诊')
    await drawer.locator('#action-save').click()
    await expect.poll(() => editor.page.locator('#field-image').innerText(), { timeout: 30_000 }).toContain('night-clinic')
    await pickOption(editor.page, 'departments', '互联网医院办公室')
    await pickOption(editor.page, 'departments', '儿科')
    await typeDate(editor.page, 'publishAt', beijing(publishAt))
    await typeDate(editor.page, 'expireAt', beijing(expireAt))
    await editor.page.locator('#action-save-draft').click()
    await editor.page.waitForURL(/\/admin\/collections\/notices\/(?!create)\w+$/, { timeout: 30_000 })
    const id = editor.page.url().split('/').pop()!
    await shoot(editor.page, 'tour-1-editor-writes-notice')
    await workflowAction(editor.page, '提交审核')
    await expect.poll(() => editor.page.getByTestId('workflow-state').innerText(), { timeout: 15_000 }).toContain('待审核')

    // The stored times are the ones typed in Beijing time, kept in UTC.
    const stored = await (await fetch(`${server.url}/api/notices/${id}?draft=true&depth=0`, { headers: await authHeader('admin') })).json()
    expect(new Date(stored.publishAt).toISOString()).toBe(publishAt.toISOString())
    expect(new Date(stored.expireAt).toISOString()).toBe(expireAt.toISOString())
    expect(stored.image).toBeTruthy()

    // The reviewer finds it on the dashboard, previews it, and rejects it with a comment.
    const reviewer = await signIn('reviewer')
    const queue = reviewer.page.getByTestId('dashboard-review-queue')
    await expect.poll(() => queue.innerText(), { timeout: 30_000 }).toContain('互联网医院夜间门诊上线')
    await shoot(reviewer.page, 'tour-2-reviewer-dashboard')
    await queue.locator(`[data-testid="dashboard-item"][data-id="${id}"] a`).first().click()
    await reviewer.page.waitForURL(new RegExp(`/admin/collections/notices/${id}`), { timeout: 30_000 })
    const [preview] = await Promise.all([reviewer.context.waitForEvent('page'), reviewer.page.getByTestId('workflow-preview-patient').click()])
    await preview!.waitForLoadState()
    expect(preview!.url()).toBe(`${server.url}/preview/notices/${id}?audience=patient`)
    await expect.poll(() => preview!.getByTestId('preview-title').first().innerText(), { timeout: 30_000 }).toContain('互联网医院夜间门诊上线')
    expect(await preview!.getByTestId('app-preview').getAttribute('data-audience')).toBe('patient')
    await shoot(preview!, 'tour-3-phone-preview')
    await preview!.close()
    await workflowAction(reviewer.page, '驳回', '标题请注明试运行，并补充覆盖科室')
    await expect.poll(() => reviewer.page.getByTestId('workflow-state').innerText(), { timeout: 15_000 }).toContain('已驳回')

    // The editor sees the comment on the dashboard, fixes the notice and submits it again.
    await editor.page.goto(`${server.url}/admin`)
    const rejected = editor.page.getByTestId('dashboard-my-rejected')
    await expect.poll(() => rejected.innerText(), { timeout: 30_000 }).toContain('标题请注明试运行')
    await shoot(editor.page, 'tour-4-editor-sees-comment')
    await editor.page.goto(`${server.url}/admin/collections/notices/${id}`)
    await editor.page.locator('#field-title').fill('互联网医院夜间门诊试运行上线')
    await editor.page.locator('#field-summary').fill('每晚 18:00–22:00，内科、儿科、皮肤科在线复诊')
    await editor.page.locator('#action-save-draft').click()
    await expect.poll(async () => (await (await fetch(`${server.url}/api/notices/${id}?draft=true&depth=0`, { headers: await authHeader('admin') })).json()).title, { timeout: 30_000 }).toBe(
      '互联网医院夜间门诊试运行上线',
    )
    await editor.page.reload()
    await workflowAction(editor.page, '提交审核')
    await expect.poll(() => editor.page.getByTestId('workflow-state').innerText(), { timeout: 15_000 }).toContain('待审核')
    await editor.context.close()

    // The reviewer approves it; before its time it is not in the patient feed.
    await reviewer.page.reload()
    await workflowAction(reviewer.page, '批准')
    await expect.poll(() => reviewer.page.getByTestId('workflow-state').innerText(), { timeout: 15_000 }).toContain('已批准')
    expect(Date.now()).toBeLessThan(publishAt.getTime())
    expect(noticeIdsIn(await feed('patient'))).not.toContain(id)

    // It is on the publishing calendar at its time.
    await reviewer.page.goto(`${server.url}/admin/calendar?view=week`)
    const entry = reviewer.page.locator(`[data-testid="calendar-entry"][data-collection="notices"][data-id="${id}"][data-type="publish"]`)
    await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(1)
    expect(await entry.innerText()).toContain(beijing(publishAt).slice(11))
    await shoot(reviewer.page, 'tour-5-calendar')
    await reviewer.context.close()

    // It reaches the patient app at its time, as the approved version, and not the doctor app.
    await expect.poll(async () => noticeIdsIn(await feed('patient')), { timeout: 150_000, interval: 500 }).toContain(id)
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime())
    const live = Object.values((await feed('patient')).notices)
      .flat()
      .find((item: any) => String(item.id) === id) as Record<string, any>
    expect(live.title).toBe('互联网医院夜间门诊试运行上线')
    expect(noticeIdsIn(await feed('doctor'))).not.toContain(id)
  })
})

describe('a promo video from upload to the doctor app', () => {
  it('is uploaded by publicity, transcoded with visible progress (cancel and retry included), reviewed, and shown in the doctor feed', { timeout: 300_000 }, async () => {
    const clip = path.join(files, '义诊宣传片.mp4')
    await makeClip(clip, { size: '1280x720', seconds: 8 })

    const publicity = await signIn('publicity')
    await publicity.page.goto(`${server.url}/admin/collections/promo-videos/create`)
    await publicity.page.locator('input[type="file"]').first().setInputFiles(clip)
    await publicity.page.locator('#field-title').fill('冬季义诊宣传片')
    await publicity.page.locator('#field-description').fill('心血管内科专家走进社区，免费测血压、讲解用药。')
    await pickOption(publicity.page, 'audience', '医生端')
    await publicity.page.locator('#action-save-draft').click()
    await publicity.page.waitForURL(/\/admin\/collections\/promo-videos\/(?!create)\w+$/, { timeout: 60_000 })
    const id = publicity.page.url().split('/').pop()!

    // Progress shows while it runs; a running transcode can be cancelled and then retried.
    const status = publicity.page.getByTestId('transcode-status')
    await expect.poll(() => status.innerText(), { timeout: 60_000, interval: 100 }).toMatch(/转码中 \d+%/)
    await shoot(publicity.page, 'tour-6-video-transcoding')
    await status.getByRole('button', { name: '取消' }).click()
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toContain('失败')
    expect(await publicity.page.getByTestId('transcode-error').innerText()).not.toBe('')
    // The failure waits on the publicity team's dashboard, whose retry button starts it again.
    await publicity.page.goto(`${server.url}/admin`)
    const problem = publicity.page.getByTestId('dashboard-problems').locator('[data-testid="dashboard-item"][data-kind="transcode"]', { hasText: '冬季义诊宣传片' })
    await expect.poll(() => problem.count(), { timeout: 30_000 }).toBe(1)
    await problem.getByTestId('dashboard-retry').click()
    await expect.poll(() => problem.count(), { timeout: 30_000 }).toBe(0)
    await publicity.page.goto(`${server.url}/admin/collections/promo-videos/${id}`)
    await expect.poll(() => status.innerText(), { timeout: 120_000, interval: 250 }).toContain('已就绪')
    await shoot(publicity.page, 'tour-7-video-ready')
    await publicity.page.goto(`${server.url}/admin/collections/promo-videos`)
    await expect.poll(() => publicity.page.getByTestId('transcode-cell').first().innerText(), { timeout: 30_000 }).toContain('已就绪')
    await publicity.page.goto(`${server.url}/admin/collections/promo-videos/${id}`)
    await workflowAction(publicity.page, '提交审核')
    await expect.poll(() => publicity.page.getByTestId('workflow-state').innerText(), { timeout: 15_000 }).toContain('待审核')
    await publicity.context.close()

    // The reviewer watches it in the doctor-app preview (HLS through hls.js) and approves it.
    const reviewer = await signIn('reviewer')
    const preview = await reviewer.context.newPage()
    await preview.goto(`${server.url}/preview/promo-videos/${id}?audience=doctor`)
    const video = preview.getByTestId('preview-video')
    // Press play until it plays: hls.js attaches the stream only after the page has hydrated, and a
    // play() before that finds no source.
    await expect
      .poll(
        () =>
          video.evaluate((element: HTMLVideoElement) => {
            element.muted = true
            if (element.paused) void element.play().catch(() => undefined)
            return element.currentTime
          }),
        { timeout: 45_000, interval: 250 },
      )
      .toBeGreaterThan(0.3)
    expect(await video.evaluate((element: HTMLVideoElement) => element.videoWidth)).toBeGreaterThan(0)
    // Played from the HLS playlist through hls.js (a MediaSource blob), not from the MP4.
    expect(await video.getAttribute('data-hls')).toMatch(/master\.m3u8$/)
    expect(await video.evaluate((element: HTMLVideoElement) => element.currentSrc)).toMatch(/^blob:/)
    await shoot(preview, 'tour-8-video-preview')
    await preview.close()
    await reviewer.page.goto(`${server.url}/admin/collections/promo-videos/${id}`)
    await workflowAction(reviewer.page, '批准')
    await expect.poll(() => reviewer.page.getByTestId('workflow-state').innerText(), { timeout: 15_000 }).toMatch(/已发布|已批准/)
    await reviewer.context.close()

    // The doctor feed lists it with its HLS playlist, MP4 and poster, and serves them to players.
    await expect.poll(async () => ((await feed('doctor')).videos ?? []).some((item: any) => String(item.id) === id), { timeout: 30_000, interval: 300 }).toBe(true)
    const item = ((await feed('doctor')).videos as any[]).find((entry) => String(entry.id) === id)
    const urls = JSON.stringify(item)
    const hls = urls.match(/"([^"]*master\.m3u8)"/)?.[1]
    const mp4 = urls.match(/"([^"]*\.mp4)"/)?.[1]
    const poster = urls.match(/"([^"]*poster[^"]*\.jpg)"/)?.[1]
    expect(hls && mp4 && poster).toBeTruthy()
    const absolute = (url: string) => (url.startsWith('http') ? url : `${server.url}${url}`)
    const playlist = await fetch(absolute(hls!))
    expect(playlist.status).toBe(200)
    expect(await playlist.text()).toContain('#EXTM3U')
    // A player seeking in the MP4 gets exactly the bytes it asked for, with their length.
    const range = await fetch(absolute(mp4!), { headers: { Range: 'bytes=100-1123' } })
    expect(range.status).toBe(206)
    expect(range.headers.get('content-length')).toBe('1024')
    expect(range.headers.get('content-range')).toMatch(/^bytes 100-1123\/\d+$/)
    expect((await range.arrayBuffer()).byteLength).toBe(1024)
    expect((await fetch(absolute(poster!))).headers.get('content-type')).toBe('image/jpeg')
    expect(((await feed('patient')).videos ?? []).map((entry: any) => String(entry.id))).not.toContain(id)
  })
})

describe('statistics of what the apps reported', () => {
  it('shows posted views and clicks in a chart, and exports rows that match them', { timeout: 180_000 }, async () => {
    const live = Object.values((await feed('patient')).notices).flat() as Array<{ id: string; title: string; placement: string }>
    const [first, second] = live
    expect(first && second).toBeTruthy()
    const at = new Date(Date.now() - 5 * 60_000).toISOString()
    // Each event from a phone of its own: identical events in one batch count once.
    let device = 0
    const event = (type: string, item: { id: string; placement: string }, platform: string) => ({ type, collection: 'notices', id: item.id, placement: item.placement, platform, at, deviceId: `e2e-device-${String(++device).padStart(4, '0')}` })
    const events = [
      ...Array.from({ length: 120 }, () => event('impression', first!, 'ios')),
      ...Array.from({ length: 30 }, () => event('impression', first!, 'android')),
      ...Array.from({ length: 12 }, () => event('click', first!, 'ios')),
      ...Array.from({ length: 45 }, () => event('impression', second!, 'android')),
      ...Array.from({ length: 3 }, () => event('click', second!, 'android')),
    ]
    const posted = await fetch(`${server.url}/api/feed/events`, { method: 'POST', headers: { Authorization: `Bearer ${PATIENT_KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) })
    expect(posted.status).toBe(202)

    const viewer = await signIn('viewer')
    await viewer.page.goto(`${server.url}/admin/statistics`)
    await expect.poll(() => viewer.page.getByTestId('stats-total-impressions').innerText(), { timeout: 30_000 }).toBe('195')
    expect(await viewer.page.getByTestId('stats-total-clicks').innerText()).toBe('15')
    // The chart drew itself (echarts renders into a canvas).
    await expect.poll(() => viewer.page.getByTestId('stats-chart-daily').locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await shoot(viewer.page, 'tour-9-statistics')

    const [csvDownload] = await Promise.all([viewer.page.waitForEvent('download'), viewer.page.getByTestId('stats-export-csv').click()])
    const csv = fs.readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '')
    const [header, ...lines] = csv.trim().split(/\r?\n/)
    const columns = header!.split(',')
    const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, index) => [columns[index], cell.replace(/^"|"$/g, '')])))
    const total = (rows: Array<Record<string, string>>, id: string, column: string) =>
      rows.filter((row) => Object.values(row).includes(id)).reduce((sum, row) => sum + Number(row[column] ?? 0), 0)
    expect(columns).toEqual(['日期', '内容类型', '内容 ID', '标题', '曝光', '点击', '关闭', '点击率'])
    const impressionsColumn = '曝光'
    const clicksColumn = '点击'
    expect(total(rows, first!.id, impressionsColumn)).toBe(150)
    expect(total(rows, first!.id, clicksColumn)).toBe(12)
    expect(total(rows, second!.id, impressionsColumn)).toBe(45)
    expect(total(rows, second!.id, clicksColumn)).toBe(3)

    const [xlsxDownload] = await Promise.all([viewer.page.waitForEvent('download'), viewer.page.getByTestId('stats-export-xlsx').click()])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await xlsxDownload.path())!)
    const sheet = workbook.worksheets[0]!
    const sheetColumns = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
    const sheetRows: Array<Record<string, string>> = []
    sheet.eachRow((row, number) => {
      if (number === 1) return
      sheetRows.push(Object.fromEntries((row.values as unknown[]).slice(1).map((value, index) => [sheetColumns[index], String(value)])))
    })
    expect(total(sheetRows, first!.id, impressionsColumn)).toBe(150)
    expect(total(sheetRows, second!.id, clicksColumn)).toBe(3)
    await viewer.context.close()
  })
})

const tokens = new Map<Role, string>()
async function authHeader(role: Role): Promise<Record<string, string>> {
  if (!tokens.has(role)) {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: demoEmail(role), password: PASSWORD }),
    })
    tokens.set(role, (await login.json()).token)
  }
  return { Authorization: `JWT ${tokens.get(role)}` }
}
