import type { ServerProps } from 'payload'
import React from 'react'

import { languageOf } from '@/admin/language'

import { type Dashboard as DashboardData, dashboardFor } from '../dashboardFor'
import { DashboardPanels } from './DashboardPanels'

/**
 * "What needs me": shown on the admin's home page above the collections. The data is read here on
 * the server with the Local API (the same as GET /api/dashboard); the panels only render it and
 * press the retry buttons.
 */
export const Dashboard = async ({ payload, user, i18n }: ServerProps) => {
  if (!user || user.collection !== 'users') return null
  const lang = languageOf(i18n?.language)
  let data: DashboardData | null = null
  try {
    data = await dashboardFor(payload, user)
  } catch (error) {
    // The collection cards below must still show when the dashboard cannot be read.
    payload.logger.error({ err: error }, 'dashboard: could not be read')
  }
  return <DashboardPanels data={data} lang={lang} />
}
