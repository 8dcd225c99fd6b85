import { execSync } from 'node:child_process'
import fs from 'node:fs'

/** The browser tests need `next build` output; build once if this checkout has none (CI builds first). */
export default function setup() {
  if (fs.existsSync('.next/BUILD_ID')) return
  console.log('[yixun] no production build found: running `npm run build` first (a few minutes on 2 cores)')
  execSync('npm run build', { stdio: 'inherit' })
}
