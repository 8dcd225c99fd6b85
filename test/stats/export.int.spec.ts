import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/auth/roles'
import { csvField } from '@/stats/exportCounts'
import { addDays, shanghaiDay } from '@/content/shanghaiTime'

import { startYixun, type TestYixun } from '../helpers/yixun'
import { appKey, liveNotice, postEvents, repeat } from './helpers'

let yixun: TestYixun
type Id = number | string
let first: Id
let second: Id

const today = () => shanghaiDay(Date.now())
const yesterday = () => addDays(today(), -1)

const download = async (query: string, { role = 'admin', language = 'zh' }: { role?: Role | null; language?: string } = {}) =>
  yixun.rest.get(`stats/export?${query}`, { token: role ? await yixun.tokenFor(role) : undefined, headers: { 'Accept-Language': language } })

/** A CSV body parsed back into rows of fields (quotes and doubled quotes undone). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') row.push(field), (field = '')
    else if (char === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++
    else field += char
  }
  return rows
}

beforeAll(async () => {
  yixun = await startYixun()
  const patientApp = (await appKey(yixun, ['patient'])).key
  first = await liveNotice(yixun, { title: '=HYPERLINK("x"),"互联网"门诊' })
  second = await liveNotice(yixun, { title: '夜间门诊开通' })
  const posted = await postEvents(yixun, patientApp, {
    events: [
      ...repeat(12, { id: first, platform: 'ios', at: `${today()}T00:00:30+08:00` }),
      ...repeat(3, { id: first, type: 'click', platform: 'ios', at: `${today()}T00:00:30+08:00` }),
      ...repeat(8, { id: first, platform: 'android', at: `${yesterday()}T23:59:30+08:00` }),
      ...repeat(4, { id: second, platform: 'android', at: `${today()}T00:00:30+08:00` }),
      ...repeat(1, { id: second, type: 'dismiss', platform: 'android', at: `${today()}T00:00:30+08:00` }),
    ],
  })
  expect(posted.status).toBe(202)
})

afterAll(async () => {
  await yixun.payload.destroy().catch(() => {})
})

const ids = () => [String(first), String(second)].sort()
const expectedRows = () => [
  [yesterday(), '首页公告', String(first), `'=HYPERLINK("x"),"互联网"门诊`, '8', '0', '0', '0.0000'],
  ...[
    [today(), '首页公告', String(first), `'=HYPERLINK("x"),"互联网"门诊`, '12', '3', '0', '0.2500'],
    [today(), '首页公告', String(second), '夜间门诊开通', '4', '0', '1', '0.0000'],
  ].sort((a, b) => (a[2] < b[2] ? -1 : 1)),
]

describe('the CSV export', () => {
  it('downloads one row per item and Beijing day, matching what was posted', async () => {
    const response = await download(`format=csv&from=${yesterday()}&to=${today()}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="yixun-stats-${yesterday()}_${today()}.csv"`)
    const bytes = new Uint8Array(await response.arrayBuffer())
    // The byte order mark Excel needs to read UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)))
    expect(rows[0]).toEqual(['日期', '内容类型', '内容 ID', '标题', '曝光', '点击', '关闭', '点击率'])
    expect(rows.slice(1)).toEqual(expectedRows())
    expect(ids()).toContain(rows[2][2])
  })

  it('narrows the rows to the filters and writes English headers for English readers', async () => {
    const response = await download(`format=csv&from=${yesterday()}&to=${today()}&platform=android`, { language: 'en' })
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ''))
    expect(rows[0]).toEqual(['Day', 'Content type', 'Item ID', 'Title', 'Impressions', 'Clicks', 'Dismissals', 'CTR'])
    expect(rows.slice(1).map((row) => [row[0], row[1], row[2], row[4]])).toEqual([
      [yesterday(), 'Notice', String(first), '8'],
      [today(), 'Notice', String(second), '4'],
    ])
  })

  it('holds only the header for a range without events', async () => {
    const rows = parseCsv((await (await download('format=csv&from=2025-01-01&to=2025-01-31')).text()).replace(/^\uFEFF/, ''))
    expect(rows).toHaveLength(1)
  })

  it('quotes separators and defuses formulas in text fields', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('-2')).toBe("'-2")
    expect(csvField(-2)).toBe('-2')
    expect(csvField('普通标题')).toBe('普通标题')
  })
})

describe('the Excel export', () => {
  it('holds the same rows as the CSV, with numbers as numbers', async () => {
    const response = await download(`format=xlsx&from=${yesterday()}&to=${today()}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="yixun-stats-${yesterday()}_${today()}.xlsx"`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
    const sheet = workbook.worksheets[0]
    expect(sheet.name).toBe('日常数据统计')
    const rows: unknown[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(rows[0]).toEqual(['日期', '内容类型', '内容 ID', '标题', '曝光', '点击', '关闭', '点击率'])
    // Cells are typed: the title is text (no formula to run), the counts are numbers.
    expect(rows.slice(1)).toEqual(
      expectedRows().map(([day, type, id, title, impressions, clicks, dismisses, ctr]) => [day, type, id, title.replace(/^'/, ''), Number(impressions), Number(clicks), Number(dismisses), Number(ctr)]),
    )
    expect(sheet.getRow(2).getCell(8).numFmt).toBe('0.00%')
  })
})

describe('export refusals and access', () => {
  it.each([
    ['format=pdf', 'INVALID_FORMAT'],
    ['format=csv&from=2026-13-01', 'INVALID_DATE'],
    ['format=xlsx&from=2026-03-02&to=2026-03-01', 'INVALID_RANGE'],
    ['format=csv&from=2025-01-01&to=2026-03-01', 'RANGE_TOO_LONG'],
    ['format=csv&audience=nurse', 'INVALID_FILTER'],
  ])('answers 400 to %s with %s', async (query, code) => {
    const response = await download(query)
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].code).toBe(code)
  })

  it.each(['admin', 'reviewer', 'viewer', 'publicity'] as Role[])('lets %s download', async (role) => {
    const response = await download(`format=csv&from=${today()}&to=${today()}`, { role })
    expect(response.status).toBe(200)
    expect(parseCsv((await response.text()).replace(/^\uFEFF/, ''))).toHaveLength(3)
  })

  it('refuses editors (403) and anyone not signed in (401), before looking at the format', async () => {
    const editor = await download('format=csv', { role: 'editor' })
    expect(editor.status).toBe(403)
    expect((await editor.json()).errors[0].code).toBe('STATS_FORBIDDEN')
    const anonymous = await download('format=pdf', { role: null })
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).errors[0].code).toBe('UNAUTHENTICATED')
  })
})
