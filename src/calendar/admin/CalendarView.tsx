import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { PUBLISHABLE_COLLECTIONS } from '@/workflow/states'

import { noticeKinds } from '../calendarQuery'
import { type Label, PublishingCalendar } from './PublishingCalendar'

/** A Payload label (text or {zh, en}) as the calendar's {zh, en}. */
function asLabel(label: unknown, fallback: string): Label {
  if (typeof label === 'string') return { zh: label, en: label }
  if (label && typeof label === 'object') {
    const byLanguage = label as Record<string, string>
    return { zh: byLanguage.zh ?? byLanguage.en ?? fallback, en: byLanguage.en ?? byLanguage.zh ?? fallback }
  }
  return { zh: fallback, en: fallback }
}

/**
 * The publishing calendar at /admin/calendar: every scheduled publish and expiry and every
 * free-clinic session by Beijing day. The filters' choices come from the config and the
 * departments the user may read; the entries from GET /api/calendar.
 */
export const CalendarView: React.FC<AdminViewServerProps> = async ({ initPageResult, params, searchParams }) => {
  const { req } = initPageResult
  const { payload, user } = req
  const departments = user
    ? (await payload.find({ collection: 'departments', pagination: false, sort: 'code', depth: 0, overrideAccess: false, user, req })).docs.map((department) => ({
        id: department.id,
        label: { zh: department.name, en: department.nameEn || department.name },
      }))
    : []
  const kinds = noticeKinds(payload).map(({ value, label }) => ({ value, label: asLabel(label, value) }))
  const collections = PUBLISHABLE_COLLECTIONS.map((slug) => ({ value: slug, label: asLabel(payload.collections[slug].config.labels?.plural, slug) }))

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={user || undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <PublishingCalendar apiRoute={payload.config.routes.api} departments={departments} kinds={kinds} collections={collections} />
      </Gutter>
    </DefaultTemplate>
  )
}
