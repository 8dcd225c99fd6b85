import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type RunningServer = {
  url: string
  /** Every line the server wrote to stdout and stderr so far. */
  logs: string[]
  stop: () => Promise<void>
}

export const E2E_SECRET = 'yixun-e2e-secret-0123456789abcdef'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** A fresh embedded database file for one test file. */
export function tempSqliteUri(): string {
  return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-e2e-')), 'yixun.db')}`
}

/** Starts `npm start`'s entry point (production mode) and waits until it says it is ready. */
export async function startProductionServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort()
  const logs: string[] = []
  const child: ChildProcess = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: E2E_SECRET, PORT: String(port), HOST: '127.0.0.1', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const collect = (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean))
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready after 90 s:\n${logs.join('\n')}`)), 90_000)
    const check = setInterval(() => {
      if (logs.some((line) => line.includes('Yixun ready'))) {
        clearInterval(check)
        clearTimeout(timer)
        resolve()
      }
    }, 100)
    child.once('exit', (code) => {
      clearInterval(check)
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${logs.join('\n')}`))
    })
  })

  return {
    url: `http://127.0.0.1:${port}`,
    logs,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

/** `npm run seed` against the given database. */
export function runSeed(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--conditions=production', 'node_modules/payload/bin.js', 'run', 'scripts/seed.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: E2E_SECRET, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (result.status !== 0) throw new Error(`seed failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}
