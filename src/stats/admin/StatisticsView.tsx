import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { languageOf } from '@/admin/language'

import { canReadStats } from '../canReadStats'
import { StatisticsDashboard } from './StatisticsDashboard'

const TEXT = {
  title: { zh: '日常数据统计', en: 'Statistics' },
  forbidden: { zh: '您的角色不能查看数据统计。', en: 'Your role may not read the statistics.' },
}

/**
 * The statistics page at /admin/statistics. The server decides only who may see it (the same
 * rule as the counts and the endpoints); the figures come from GET /api/stats/summary in the
 * browser, so a new range or filter needs no page load.
 */
export const StatisticsView: React.FC<AdminViewServerProps> = async ({ initPageResult, params, searchParams }) => {
  const { req } = initPageResult
  const lang = languageOf(req.i18n?.language)
  const allowed = Boolean(req.user) && (await canReadStats({ req }))
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user || undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <h1>{TEXT.title[lang]}</h1>
        {allowed ? <StatisticsDashboard lang={lang} /> : <p data-testid="stats-forbidden">{TEXT.forbidden[lang]}</p>}
      </Gutter>
    </DefaultTemplate>
  )
}
