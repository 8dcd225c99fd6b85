/** Polls until `check` returns something truthy (or fails after `timeout` ms). */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeout = 30_000, every = 50): Promise<T> {
  const until = Date.now() + timeout
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, every))
  }
}
