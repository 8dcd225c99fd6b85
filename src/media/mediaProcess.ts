import { randomUUID } from 'node:crypto'
import os from 'node:os'

/**
 * Process-wide state of the media pipeline. It lives on globalThis: the custom server and Next's
 * bundled server code load separate copies of this module in one process (PLATFORM_NOTES), and
 * the one-transcode-per-server limit and the cancel switches must be the same for both.
 */
type MediaProcessState = {
  workerId: string
  /** AbortControllers of the transcodes running in this process, by transcode id. */
  running: Map<string, AbortController>
  slots: { used: number; waiting: Array<() => void> }
}

const KEY = Symbol.for('yixun.media.process')

function state(): MediaProcessState {
  const holder = globalThis as typeof globalThis & { [KEY]?: MediaProcessState }
  holder[KEY] ??= {
    // host:pid:nonce — recovery tells a dead process on this host (pid gone, or pid reused by a restart) from a live one.
    workerId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    running: new Map(),
    slots: { used: 0, waiting: [] },
  }
  return holder[KEY]
}

export const mediaWorkerId = (): string => state().workerId

export const runningTranscodes = (): Map<string, AbortController> => state().running

/** Waits for one of `limit` transcode slots of this process; call the returned function to free it. */
export async function acquireTranscodeSlot(limit: number): Promise<() => void> {
  const { slots } = state()
  while (slots.used >= limit) await new Promise<void>((resolve) => slots.waiting.push(resolve))
  slots.used++
  let released = false
  return () => {
    if (released) return
    released = true
    slots.used--
    slots.waiting.shift()?.()
  }
}

/** Whether a worker id names a process that can no longer be running its transcode. */
export function workerIsGone(workerId: string): boolean {
  const parts = workerId.split(':')
  if (parts.length < 3) return false
  const nonce = parts.pop()!
  const pid = Number(parts.pop())
  const host = parts.join(':')
  if (host !== os.hostname() || !Number.isInteger(pid)) return false
  // Same pid, other nonce: this process restarted under the same pid (PID 1 in a container).
  if (pid === process.pid) return `${host}:${pid}:${nonce}` !== state().workerId
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}
