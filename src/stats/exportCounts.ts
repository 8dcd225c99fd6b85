import { PassThrough, Readable } from 'node:stream'

import ExcelJS from 'exceljs'
import type { Payload } from 'payload'

import { COLLECTION_LABELS, type TrackedCollection } from './events'
import { itemRefKey, itemTitles } from './itemTitles'
import { clickThroughRate, dailyCounts, type DailyCountRow } from './readCounts'
import { addDays } from '@/content/shanghaiTime'
import type { StatsQuery } from './statsQuery'

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Days read per query: a month of 1,000 items is ~30,000 rows, so memory stays flat whatever the range. */
const DAYS_PER_CHUNK = 31
/** Rows per worksheet: Excel's limit (1,048,576) less the header. */
const ROWS_PER_SHEET = 1_048_575

type Lang = 'zh' | 'en'

const HEADERS: Record<Lang, string[]> = {
  zh: ['日期', '内容类型', '内容 ID', '标题', '曝光', '点击', '关闭', '点击率'],
  en: ['Day', 'Content type', 'Item ID', 'Title', 'Impressions', 'Clicks', 'Dismissals', 'CTR'],
}

export type ExportRow = { day: string; collection: TrackedCollection; collectionLabel: string; id: string; title: string; impressions: number; clicks: number; dismisses: number; ctr: number }

/** A safe attachment name: ASCII only, the range in it. */
export const exportFileName = ({ from, to }: StatsQuery, format: ExportFormat) => `yixun-stats-${from}_${to}.${format}`

/**
 * One row per item and Beijing day with any count in the range (days without events are
 * absent), oldest day first, then collection and item id; the filters narrow what is counted.
 */
export async function* exportRows(payload: Payload, query: StatsQuery, lang: Lang): AsyncGenerator<ExportRow> {
  const titles = new Map<string, string>()
  for (let from = query.from; from <= query.to; from = addDays(from, DAYS_PER_CHUNK)) {
    const last = addDays(from, DAYS_PER_CHUNK - 1)
    const rows = await dailyCounts(payload, { ...query, from, to: last < query.to ? last : query.to, by: ['item'] })
    const unknown = rows.filter((row) => !titles.has(itemRefKey(row as Required<DailyCountRow>)))
    if (unknown.length) {
      const found = await itemTitles(payload, unknown as Array<Required<DailyCountRow>>)
      for (const row of unknown) titles.set(itemRefKey(row as Required<DailyCountRow>), found.get(itemRefKey(row as Required<DailyCountRow>)) ?? '')
    }
    for (const row of rows) {
      const collection = row.collectionSlug!
      yield {
        day: row.day,
        collection,
        collectionLabel: COLLECTION_LABELS[collection]?.[lang] ?? collection,
        id: row.itemId!,
        title: titles.get(itemRefKey(row as Required<DailyCountRow>)) ?? '',
        impressions: row.impressions,
        clicks: row.clicks,
        dismisses: row.dismisses,
        ctr: clickThroughRate(row),
      }
    }
  }
}

/**
 * A CSV field: quoted when it holds a separator, quote or line break; text that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe, since titles
 * are typed by staff and the file is opened in Excel.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

const csvLine = (row: ExportRow) =>
  [row.day, row.collectionLabel, row.id, row.title, row.impressions, row.clicks, row.dismisses, row.ctr.toFixed(4)].map(csvField).join(',') + '\r\n'

/** The CSV as a stream: UTF-8 with a byte order mark, or Excel shows the Chinese as mojibake. */
export function exportCsv(payload: Payload, query: StatsQuery, lang: Lang): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const rows = exportRows(payload, query, lang)
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode('\uFEFF' + HEADERS[lang].map(csvField).join(',') + '\r\n'))
      }
      // About 500 rows per chunk: fewer, larger writes.
      let text = ''
      for (let i = 0; i < 500; i++) {
        const next = await rows.next()
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text))
          controller.close()
          return
        }
        text += csvLine(next.value)
      }
      controller.enqueue(encoder.encode(text))
    },
    async cancel() {
      await rows.return(undefined)
    },
  })
}

/** The workbook as a stream (exceljs' streaming writer: rows are written out as they come, never held). */
export function exportXlsx(payload: Payload, query: StatsQuery, lang: Lang): ReadableStream<Uint8Array> {
  const output = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
  const sheetName = lang === 'en' ? 'Statistics' : '日常数据统计'
  const addSheet = (index: number) => {
    const sheet = workbook.addWorksheet(index === 1 ? sheetName : `${sheetName} ${index}`, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = [
      { width: 12 },
      { width: 12 },
      { width: 10 },
      { width: 40 },
      { width: 10, style: { numFmt: '0' } },
      { width: 10, style: { numFmt: '0' } },
      { width: 10, style: { numFmt: '0' } },
      { width: 10, style: { numFmt: '0.00%' } },
    ]
    sheet.addRow(HEADERS[lang]).commit()
    return sheet
  }
  const write = async () => {
    let sheets = 1
    let sheet = addSheet(sheets)
    let rowsInSheet = 0
    for await (const row of exportRows(payload, query, lang)) {
      if (rowsInSheet === ROWS_PER_SHEET) {
        sheet.commit()
        sheet = addSheet(++sheets)
        rowsInSheet = 0
      }
      sheet.addRow([row.day, row.collectionLabel, row.id, row.title, row.impressions, row.clicks, row.dismisses, row.ctr]).commit()
      rowsInSheet++
    }
    sheet.commit()
    await workbook.commit()
  }
  write().catch((error) => {
    payload.logger.error({ err: error }, 'statistics export failed half-way')
    output.destroy(error)
  })
  return Readable.toWeb(output) as ReadableStream<Uint8Array>
}
