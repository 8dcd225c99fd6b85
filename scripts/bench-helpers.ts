/** Shared pieces of the benchmark scripts: a fresh database, a production server, staff logins. */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const BENCH_SECRET = 'yixun-bench-secret-0123456789abcdef'

export function requireBuild() {
  if (!fs.existsSync('.next/BUILD_ID')) {
    console.error('No production build: run `npm run build` first.')
    process.exit(1)
  }
}

export function tempDatabase(): string {
  return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yixun-bench-')), 'yixun.db')}`
}

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

export type Server = { url: string; pid: number; logs: string[]; stop: () => Promise<void> }

/** `npm start`'s entry point in production mode, ready when it says so. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort()
  const logs: string[] = []
  const child: ChildProcess = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: BENCH_SECRET, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (c: Buffer) => logs.push(c.toString()))
  child.stderr!.on('data', (c: Buffer) => logs.push(c.toString()))
  // A bench that throws before stop() must not leave its server running.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const started = Date.now()
  while (Date.now() - started < 90_000) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${logs.join('')}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    logs,
    stop: async () => {
      process.off('exit', killOnExit)
      child.kill('SIGTERM')
      await new Promise((resolve) => setTimeout(resolve, 500))
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 102.4) / 10
}

export function table(rows: Array<Record<string, string | number>>) {
  const columns = Object.keys(rows[0])
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String(r[c]).length))
  const line = (r: Record<string, string | number>) => columns.map((c) => String(r[c]).padEnd(width(c))).join('  ')
  console.log(line(Object.fromEntries(columns.map((c) => [c, c]))))
  console.log(columns.map((c) => '-'.repeat(width(c))).join('  '))
  for (const row of rows) console.log(line(row))
}
