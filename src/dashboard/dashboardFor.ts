import type { Payload } from 'payload'

import type { User } from '@/payload-types'

import { currentLockouts, type Lockout } from './lockouts'
import { type Problems, problemsFor, seesSystemProblems, seesTranscodeProblems } from './problems'
import { decidesReviews, type WhatNeedsMe, whatNeedsMe, writesContent } from './whatNeedsMe'

/**
 * Everything on the admin's home page for one person. Every section is always present; `sections`
 * says which ones this person's roles call for (the others are empty and the panel hides them):
 * reviewQueue — reviewers and admins; mine — editors, publicity and admins; today — everyone;
 * transcodes — publicity and admins; webhooks, mail, schedule (failed scheduled publishes) and sign-in lockouts — admins.
 */
export type Dashboard = WhatNeedsMe & {
  problems: Problems & { lockouts: Lockout[] }
  sections: { reviewQueue: boolean; mine: boolean; today: true; transcodes: boolean; webhooks: boolean; mail: boolean; schedule: boolean; lockouts: boolean }
}

export async function dashboardFor(payload: Payload, user: Pick<User, 'id' | 'roles' | 'departments'>, now: Date = new Date()): Promise<Dashboard> {
  const [needs, problems, lockouts] = await Promise.all([
    whatNeedsMe(payload, user, now),
    problemsFor(payload, user),
    seesSystemProblems(user) ? currentLockouts(payload, now) : [],
  ])
  return {
    sections: {
      reviewQueue: decidesReviews(user),
      mine: writesContent(user),
      today: true,
      transcodes: seesTranscodeProblems(user),
      webhooks: seesSystemProblems(user),
      mail: seesSystemProblems(user),
      lockouts: seesSystemProblems(user),
      schedule: seesSystemProblems(user),
    },
    ...needs,
    problems: { ...problems, lockouts },
  }
}
