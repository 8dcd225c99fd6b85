import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

/** The publishing calendar at /admin/calendar (placeholder). */
export const CalendarView: React.FC<AdminViewServerProps> = ({ initPageResult, params, searchParams }) => (
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
      <h1>发布日历</h1>
    </Gutter>
  </DefaultTemplate>
)
