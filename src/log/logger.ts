import { pino, type DestinationStream, type LoggerOptions } from 'pino'
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

export function loggerOptions(name: string): LoggerOptions {
  return {
    name,
    level: process.env.LOG_LEVEL || 'info',
    enabled: process.env.DISABLE_LOGGING !== 'true',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
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
