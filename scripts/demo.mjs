/**
 * npm run demo — the one command a newcomer runs: npm packages (when missing or stale), a
 * production build (only when the code changed since the last one: scripts/buildStamp.mjs), the
 * demo data (idempotent, never wipes), then `npm start`'s server. Production mode, because
 * development compiles each admin page on its first visit, for minutes on two cores.
 * Plain Node on purpose: it runs before `npm install` has provided anything.
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildIsCurrent } from './buildStamp.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(ROOT)
const started = Date.now()
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const NODE_OPTIONS = '--no-deprecation --conditions=production'

function step(what, command, args, env = process.env) {
  const at = Date.now()
  console.log(`\n[demo] ${what} …`)
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`[demo] ${what} failed (exit ${result.status ?? result.signal}); see above.`)
    process.exit(result.status || 1)
  }
  console.log(`[demo] ${what}: ${Math.round((Date.now() - at) / 1000)} s`)
}

/**
 * Whether node_modules lacks what package-lock.json asks for: npm's record of the installed tree
 * (node_modules/.package-lock.json) is compared with the lock file, package by package, and the
 * lock file with package.json's ranges (by name), so an edited dependency list installs again.
 */
function packagesStale() {
  const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null)
  const lock = read('package-lock.json')
  const installed = read(path.join('node_modules', '.package-lock.json'))
  const manifest = read('package.json')
  if (!lock || !installed) return true
  const wanted = { ...manifest.dependencies, ...manifest.devDependencies }
  const locked = { ...lock.packages[''].dependencies, ...lock.packages[''].devDependencies }
  if (Object.keys(wanted).some((name) => wanted[name] !== locked[name])) return true
  return Object.entries(lock.packages).some(([where, entry]) => {
    if (!where) return false
    const have = installed.packages[where]
    // Optional packages for other platforms (sharp's, for instance) are never installed here.
    return have ? have.version !== entry.version : !entry.optional
  })
}

/**
 * Production refuses to start without PAYLOAD_SECRET. The demo makes a random one once and keeps
 * it in data/ (git-ignored), so sessions survive a restart and no two checkouts share one.
 */
function demoSecret() {
  if (process.env.PAYLOAD_SECRET?.trim()) return process.env.PAYLOAD_SECRET.trim()
  const file = path.join('data', '.demo-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync('data', { recursive: true })
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 })
  }
  return fs.readFileSync(file, 'utf8').trim()
}

if (packagesStale()) step('npm install', npm, ['install', '--no-audit', '--no-fund'])
else console.log('[demo] npm packages are up to date')

if (buildIsCurrent()) console.log('[demo] the production build is current (reused)')
else step('production build (npm run build, once per code change)', npm, ['run', 'build'])

const env = {
  ...process.env,
  NODE_ENV: 'production',
  NODE_OPTIONS,
  PAYLOAD_SECRET: demoSecret(),
  // A person is watching this terminal: readable lines, unless asked otherwise.
  LOG_FORMAT: process.env.LOG_FORMAT || 'pretty',
}
step('demo data (npm run seed)', process.execPath, ['--conditions=production', 'node_modules/payload/bin.js', 'run', 'scripts/seed.ts'], env)

console.log(`\n[demo] starting Yixun (${Math.round((Date.now() - started) / 1000)} s so far) …`)
// The server itself, not `npm start`: one process that stops on Ctrl-C or SIGTERM with this one.
const server = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/server.ts'], { stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
