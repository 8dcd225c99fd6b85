import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

const readme = fs.readFileSync('README.md', 'utf8')
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> }

/** `npm run x`, `npm start`, `npm test` as the README shows them. */
function npmCommands(text: string): string[] {
  const named = [...text.matchAll(/npm run ([\w:.-]+)/g)].map((match) => match[1])
  const builtIn = [...text.matchAll(/npm (start|test)\b/g)].map((match) => match[1])
  return [...new Set([...named, ...builtIn])]
}

/** Repository paths the README names (placeholders such as `src/<capability>/` left out). */
function repositoryPaths(text: string): string[] {
  const found = text.matchAll(/(?<![\w/.-])(?:\.ci|scripts|src|test|collections|docs)(?:\/(?:\([a-z]+\)|[\w.[\]-]+))*\/?(?![\w<])/g)
  return [...new Set([...found].map((match) => match[0].replace(/\.$/, '')).filter((found) => found.includes('/')))]
}

describe('the README’s commands', () => {
  it('finds the commands and paths it checks (the check itself works)', () => {
    expect(npmCommands(readme)).toEqual(expect.arrayContaining(['demo', 'test:all', 'build', 'seed', 'start']))
    expect(repositoryPaths(readme)).toEqual(expect.arrayContaining(['src/server.ts', '.ci/run', 'src/media/README.md']))
    expect(npmCommands('run `npm run nope`')).toEqual(['nope'])
  })

  it('shows only npm scripts that package.json has', () => {
    const missing = npmCommands(readme).filter((name) => !(name in pkg.scripts))
    expect(missing).toEqual([])
  })

  it('names only files and folders that exist, including those the npm scripts run', () => {
    const scriptFiles = Object.values(pkg.scripts).flatMap((command) => [...command.matchAll(/(?:scripts|src)\/[\w./-]+\.(?:ts|mjs|sh)/g)].map((match) => match[0]))
    const missing = [...repositoryPaths(readme), ...scriptFiles].filter((file) => !fs.existsSync(file))
    expect(missing).toEqual([])
  })
})

describe('package.json', () => {
  it('pins payload and every @payloadcms package to one exact version', () => {
    const family = Object.entries(pkg.dependencies).filter(([name]) => name === 'payload' || name.startsWith('@payloadcms/'))
    expect(family.length).toBeGreaterThan(5)
    expect(new Set(family.map(([, version]) => version))).toEqual(new Set([pkg.dependencies.payload]))
    expect(pkg.dependencies.payload).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
