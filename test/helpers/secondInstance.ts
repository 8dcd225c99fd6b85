import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type Answer = { status: number; body: any }

export type SecondInstance = {
  /** Sends a REST request through the other instance at the instant `at` (epoch ms). */
  request: (method: string, path: string, options: { at: number; token?: string; body?: unknown }) => Promise<Answer>
  stop: () => Promise<void>
}

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'instanceWorker.ts')

/**
 * Starts a second Payload instance of Yixun in a child process on the same database, as a second
 * server would run: its own connections, its own transactions, its own module state. Tokens signed
 * by this instance work there (same PAYLOAD_SECRET).
 */
export async function startSecondInstance(databaseUri: string): Promise<SecondInstance> {
  const child: ChildProcess = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', WORKER], {
    env: { ...process.env, DATABASE_URI: databaseUri },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const logs: string[] = []
  const waiting = new Map<number, (answer: Answer) => void>()
  let onReady: () => void = () => {}
  let buffered = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      if (!line.startsWith('@@yixun ')) {
        logs.push(line)
        continue
      }
      const message = JSON.parse(line.slice('@@yixun '.length))
      if (message.ready) onReady()
      else waiting.get(message.id)?.({ status: message.status, body: message.body })
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')))

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`second instance not ready after 180 s:\n${logs.join('\n')}`)), 180_000)
    onReady = () => {
      clearTimeout(timer)
      resolve()
    }
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`second instance exited with ${code}:\n${logs.join('\n')}`))
    })
  })

  let next = 0
  return {
    request: (method, requestPath, { at, token, body }) =>
      new Promise<Answer>((resolve) => {
        const id = ++next
        waiting.set(id, (answer) => {
          waiting.delete(id)
          resolve(answer)
        })
        child.stdin!.write(`${JSON.stringify({ id, at, method, path: requestPath, token, body })}\n`)
      }),
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.stdin!.end()
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

/** Resolves at the instant `at` (epoch ms): fire something here and elsewhere at the same moment. */
export const atInstant = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())))
