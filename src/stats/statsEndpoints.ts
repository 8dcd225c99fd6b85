import type { Endpoint, PayloadRequest } from 'payload'

import { languageOf } from '@/admin/language'

import { canReadStats } from './canReadStats'
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, type ExportFormat, exportCsv, exportFileName, exportXlsx } from './exportCounts'
import { parseStatsQuery, type StatsQuery } from './statsQuery'
import { DEFAULT_ITEM_LIMIT, MAX_ITEM_LIMIT, statsSummary } from './summary'

type Messages = { zh: string; en: string }

const language = (req: PayloadRequest) => languageOf(req.i18n?.language)

const refuse = (req: PayloadRequest, status: number, code: string, messages: Messages) =>
  Response.json({ errors: [{ code, message: messages[language(req)] }] }, { status })

/** Signed-in staff with a role that may read the counts (canReadStats); otherwise the answer to give. */
async function refusal(req: PayloadRequest): Promise<Response | null> {
  if (!req.user || req.user.collection !== 'users') {
    return refuse(req, 401, 'UNAUTHENTICATED', { zh: '请先登录：此请求需要员工账号。', en: 'Sign in first: this request needs a staff account.' })
  }
  if (!(await canReadStats({ req }))) {
    return refuse(req, 403, 'STATS_FORBIDDEN', { zh: '您的角色不能查看数据统计。', en: 'Your role may not read the statistics.' })
  }
  return null
}

/** The request's range and filters, or the 400 that says what is wrong with them. */
function readQuery(req: PayloadRequest): { query: StatsQuery } | { response: Response } {
  const parsed = parseStatsQuery(new URL(req.url!).searchParams)
  if (!parsed.ok) return { response: refuse(req, 400, parsed.problem.code, parsed.problem.messages) }
  return { query: parsed.query }
}

/**
 * GET /api/stats/summary?from=&to=&collection=&audience=&placement=&platform=&itemLimit= — the
 * statistics page's data (see StatsSummary): totals, the daily series, breakdowns by audience,
 * placement, platform and collection, the item table, this week's top items, the office figures.
 */
const summaryEndpoint: Endpoint = {
  path: '/stats/summary',
  method: 'get',
  handler: async (req) => {
    const refused = await refusal(req)
    if (refused) return refused
    const read = readQuery(req)
    if ('response' in read) return read.response
    const rawLimit = new URL(req.url!).searchParams.get('itemLimit')
    const itemLimit = rawLimit ? Number(rawLimit) : DEFAULT_ITEM_LIMIT
    if (!Number.isInteger(itemLimit) || itemLimit < 1 || itemLimit > MAX_ITEM_LIMIT) {
      return refuse(req, 400, 'INVALID_LIMIT', { zh: `itemLimit 须为 1 到 ${MAX_ITEM_LIMIT} 的整数。`, en: `"itemLimit" must be a whole number from 1 to ${MAX_ITEM_LIMIT}.` })
    }
    const summary = await statsSummary(req.payload, read.query, { itemLimit })
    return Response.json(summary, { headers: { 'Cache-Control': 'private, no-store' } })
  },
}

/**
 * GET /api/stats/export?format=csv|xlsx&from=&to=&… — one row per item and day, as a download.
 * Everything is checked before the first byte: a stream cannot change its status afterwards.
 */
const exportEndpoint: Endpoint = {
  path: '/stats/export',
  method: 'get',
  handler: async (req) => {
    const refused = await refusal(req)
    if (refused) return refused
    const format = new URL(req.url!).searchParams.get('format') ?? 'csv'
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      return refuse(req, 400, 'INVALID_FORMAT', { zh: 'format 必须是 csv 或 xlsx。', en: '"format" must be csv or xlsx.' })
    }
    const read = readQuery(req)
    if ('response' in read) return read.response
    const lang = language(req)
    const body = format === 'xlsx' ? exportXlsx(req.payload, read.query, lang) : exportCsv(req.payload, read.query, lang)
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': EXPORT_CONTENT_TYPES[format as ExportFormat],
        'Content-Disposition': `attachment; filename="${exportFileName(read.query, format as ExportFormat)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
}

/** Statistics for the office: summaries and exports, for the roles of canReadStats. */
export const statsEndpoints: Endpoint[] = [summaryEndpoint, exportEndpoint]
