/**
 * "Built once, reused until the code changes": a hash of everything `next build` reads, written
 * into .next/ after every successful `npm run build` (next build empties .next/ first, so a failed
 * build leaves no stamp). `npm run demo` and the browser tests rebuild only when it differs.
 *   node scripts/buildStamp.mjs --write   record the current sources as built
 *   node scripts/buildStamp.mjs --check   exit 0 when .next/ holds a build of the current sources
 * Plain Node on purpose: it runs before `npm install` has provided anything.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const STAMP = path.join(ROOT, '.next', 'yixun-source-hash')

/** What the Next bundle is built from; tests, docs (*.md), scripts and data do not change it. */
const INPUTS = ['src', 'collections', 'payload.config.ts', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']

function filesUnder(entry) {
  const full = path.join(ROOT, entry)
  if (!fs.existsSync(full)) return []
  if (!fs.statSync(full).isDirectory()) return entry.endsWith('.md') ? [] : [entry]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((child) => filesUnder(path.join(entry, child.name)))
}

/** A content hash (not times: a fresh clone has new times and the same code). */
export function sourceHash() {
  const hash = createHash('sha256')
  for (const file of INPUTS.flatMap(filesUnder)) {
    hash.update(`${file.split(path.sep).join('/')}\0`)
    hash.update(fs.readFileSync(path.join(ROOT, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** Whether .next/ holds a finished build of the current sources. */
export function buildIsCurrent() {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')) || !fs.existsSync(STAMP)) return false
  return fs.readFileSync(STAMP, 'utf8').trim() === sourceHash()
}

export function writeStamp() {
  fs.writeFileSync(STAMP, `${sourceHash()}\n`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) writeStamp()
  else if (process.argv.includes('--check')) process.exit(buildIsCurrent() ? 0 : 1)
  else console.log(sourceHash())
}
