import path from 'node:path'

export type Engine = 'sqlite' | 'postgres' | 'mongodb'

export type DatabaseTarget = { engine: Engine; uri: string }

/** The zero-setup default: an embedded SQLite file under data/ (git-ignored). */
export const DEFAULT_DATABASE_URI = 'file:./data/yixun.db'

/** A start-up problem worth one clear line, not a stack trace. */
export class StartupConfigError extends Error {}

/** Hides the password of a URI so it can be logged. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z0-9+.-]+:\/\/[^:/@]+:)[^@]*@/i, '$1***@')
}

export function resolveDatabase(raw: string | undefined = process.env.DATABASE_URI): DatabaseTarget {
  const uri = raw?.trim() || DEFAULT_DATABASE_URI
  if (uri.startsWith('file:')) {
    if (uri.length <= 'file:'.length) throw new StartupConfigError('DATABASE_URI: "file:" needs a path, e.g. file:./data/yixun.db')
    return { engine: 'sqlite', uri }
  }
  if (/^postgres(ql)?:\/\//.test(uri)) return { engine: 'postgres', uri: checkUrl(uri) }
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return { engine: 'mongodb', uri: checkUrl(uri) }
  const scheme = uri.includes(':') ? uri.slice(0, uri.indexOf(':') + 1) : uri
  throw new StartupConfigError(
    `DATABASE_URI: unsupported engine "${redactUri(scheme)}"; use file:… (SQLite), postgres://… (PostgreSQL) or mongodb://… (MongoDB)`,
  )
}

function checkUrl(uri: string): string {
  try {
    const url = new URL(uri)
    if (!url.hostname) throw new Error('no host')
  } catch {
    throw new StartupConfigError(`DATABASE_URI: "${redactUri(uri)}" is not a valid URL`)
  }
  return uri
}

/** The file behind a `file:` URI, resolved against the working directory. */
export function sqliteFilePath(uri: string): string {
  return path.resolve(uri.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
}
