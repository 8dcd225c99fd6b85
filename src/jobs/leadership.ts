import type { Payload } from 'payload'

import { claimOnce } from '@/publishing/claimOnce'

/**
 * Leadership is held in slots of this length (ms); a dead leader is replaced within one slot (two
 * if it had already claimed the next). The jobs it was running are reclaimed once unchanged for
 * two slots (reclaimAbandonedJobs.ts), so recovery takes about 2 × LEADER_SLOT.
 */
export const LEADER_SLOT = 5000
/** The leader claims its next slot this long before the current one ends (ms), so it keeps it. */
const RENEW_AHEAD = 1000

/**
 * One job runner per cluster. Running Payload's queue from several instances at once runs jobs
 * twice and, on PostgreSQL, wedged the losing instance (PLATFORM_NOTES); the leader alone runs it.
 * Each slot is a unique schedule-claims row, so this works on every engine through the Local API.
 */
export class Leadership {
  private slot = -1
  private leader = false
  private renewedFor = -1

  constructor(
    private readonly payload: Payload,
    private readonly instance: string,
  ) {}

  async isLeader(now = Date.now()): Promise<boolean> {
    const slot = Math.floor(now / LEADER_SLOT)
    if (slot !== this.slot) {
      this.slot = slot
      this.leader = this.renewedFor === slot || (await this.claim(slot))
    }
    if (this.leader && this.renewedFor !== slot + 1 && now % LEADER_SLOT >= LEADER_SLOT - RENEW_AHEAD) {
      if (await this.claim(slot + 1)) this.renewedFor = slot + 1
    }
    return this.leader
  }

  private claim(slot: number) {
    return claimOnce(this.payload, `runner:${slot}`, this.instance)
  }

  /** Old slot rows are of no use after a while; the leader clears them. */
  async prune(olderThanMs = 3600_000) {
    const before = new Date(Date.now() - olderThanMs).toISOString()
    await this.payload.delete({
      collection: 'schedule-claims',
      where: { and: [{ key: { like: 'runner:' } }, { createdAt: { less_than: before } }] },
      overrideAccess: true,
    })
  }
}
