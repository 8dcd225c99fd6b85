/** Wait after the first failed attempt (ms); each later wait doubles. */
export const FIRST_RETRY_DELAY_MS = 30_000
/** Longest wait between two attempts (ms). */
export const MAX_RETRY_DELAY_MS = 60 * 60_000
/** How long a delivery is retried, counted from its first attempt (ms). */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000

/** Wait after the n-th failed attempt (1-based): 30 s, 1, 2, 4, 8, 16, 32 min, then hourly. */
export function retryDelay(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_DELAY_MS)
}

/**
 * When to try again after a failed attempt, or null when the window is over. The last retry is
 * pulled in to the window's end, so an app that is back within 24 hours gets the event.
 */
export function nextAttemptAt(failedAttempts: number, retryUntil: Date, now = new Date()): Date | null {
  if (now.getTime() >= retryUntil.getTime()) return null
  return new Date(Math.min(now.getTime() + retryDelay(failedAttempts), retryUntil.getTime()))
}
