import { pino, stdSerializers, type DestinationStream, type LoggerOptions } from 'pino'
import pretty from 'pino-pretty'

/** Never written to a log: credentials in bodies, headers and errors. */
export const REDACTED_PATHS = [
  'password',
  'newPassword',
  'confirmPassword',
  'token',
  'apiKey',
  'secret',
  'authorization',
  'cookie',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.apiKey',
  '*.secret',
  '*.authorization',
  '*.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'headers["set-cookie"]',
]

/** drizzle's failed-query message ends with `\nparams: <values>` (an e-mail, a password hash…): cut it off, keep the SQL. */
const SQL_PARAMS = /\nparams: [\s\S]*?(?=\n\s+at |\ncaused by|$)/g
export const withoutSqlParams = (text: string) => text.replace(SQL_PARAMS, '\nparams: [redacted]')

/** An error as pino writes it, without the parameters of a failed SQL statement (here or in its causes). */
function serializeError(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error) as unknown as Record<string, unknown>
  if (!serialized || typeof serialized !== 'object') return serialized
  const scrub = (value: Record<string, unknown>) => {
    delete value.params
    for (const key of ['message', 'stack']) if (typeof value[key] === 'string') value[key] = withoutSqlParams(value[key] as string)
    if (value.cause && typeof value.cause === 'object') scrub(value.cause as Record<string, unknown>)
  }
  scrub(serialized)
  return serialized
}

export function loggerOptions(name: string): LoggerOptions {
  return {
    name,
    level: process.env.LOG_LEVEL || 'info',
    enabled: process.env.DISABLE_LOGGING !== 'true',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
    hooks: {
      // Payload logs errors as `logger.error(err)` (pino then takes the message as `msg`) or with `msg: err.message`.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[]
        if (first instanceof Error) return method.apply(this, [{ err: first }, withoutSqlParams(typeof rest[0] === 'string' ? rest[0] : first.message)] as never)
        if (first && typeof first === 'object' && typeof (first as { msg?: unknown }).msg === 'string') {
          return method.apply(this, [{ ...(first as object), msg: withoutSqlParams((first as { msg: string }).msg) }, ...rest] as never)
        }
        return method.apply(this, [first, ...rest].map((part) => (typeof part === 'string' ? withoutSqlParams(part) : part)) as never)
      },
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  }
}

/** JSON lines (one object a line) unless a person is watching a development server. */
export function loggerDestination(): DestinationStream | undefined {
  const wantPretty = process.env.LOG_FORMAT === 'pretty' || (process.env.NODE_ENV === 'development' && process.env.LOG_FORMAT !== 'json')
  return wantPretty ? pretty({ colorize: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }) : undefined
}

export function createLogger(name: string) {
  const destination = loggerDestination()
  return destination ? pino(loggerOptions(name), destination) : pino(loggerOptions(name))
}
