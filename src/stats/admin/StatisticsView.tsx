import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

/** Statistics at /admin/statistics (placeholder). */
export const StatisticsView: React.FC<AdminViewServerProps> = ({ initPageResult, params, searchParams }) => (
  <DefaultTemplate
    i18n={initPageResult.req.i18n}
    locale={initPageResult.locale}
    params={params}
    payload={initPageResult.req.payload}
    permissions={initPageResult.permissions}
    searchParams={searchParams}
    user={initPageResult.req.user || undefined}
    visibleEntities={initPageResult.visibleEntities}
  >
    <Gutter>
      <h1>数据统计</h1>
    </Gutter>
  </DefaultTemplate>
)
