import { execSync, spawnSync } from 'node:child_process'

/**
 * The browser tests need a production build of the current code. `npm run build` stamps what it
 * built (scripts/buildStamp.mjs), so the build CI just made is reused and a stale one is rebuilt.
 */
export default function setup() {
  if (spawnSync(process.execPath, ['scripts/buildStamp.mjs', '--check']).status === 0) return
  console.log('[yixun] no production build of the current code: running `npm run build` first (a few minutes on 2 cores)')
  execSync('npm run build', { stdio: 'inherit' })
}
