import type { Endpoint } from 'payload'

/** Statistics for the office: summaries and exports (filled in by the statistics work). */
export const statsEndpoints: Endpoint[] = []
