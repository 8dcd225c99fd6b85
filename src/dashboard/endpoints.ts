import type { Endpoint } from 'payload'

/** The dashboard's data and its retry actions (filled in by the dashboard work). */
export const dashboardEndpoints: Endpoint[] = []
