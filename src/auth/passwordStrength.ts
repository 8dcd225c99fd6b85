import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

/** Characters a password needs at least. */
export const MIN_PASSWORD_LENGTH = 10
/** zxcvbn's score (0–4) a password needs at least: 3 = "safely unguessable" at ~10^8 guesses. */
const MIN_SCORE = 3

// The common-language lists: the most used passwords, keyboard runs, sequences and dates.
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs })

/**
 * Whether a password may be set. The account's own email and name count as guessable words,
 * so `wangwei2026` is refused for 王伟 even though it is in no list.
 */
export function isStrongPassword(password: string, personal: Array<string | null | undefined> = []): boolean {
  if (password.length < MIN_PASSWORD_LENGTH) return false
  const words = personal.filter((word): word is string => Boolean(word)).flatMap((word) => [word, ...word.split(/[@.\s_-]+/)])
  return zxcvbn.check(password, words).score >= MIN_SCORE
}

export const WEAK_PASSWORD_MESSAGES = {
  zh: `密码太弱：至少 ${MIN_PASSWORD_LENGTH} 个字符，且不能是常见密码、连续或重复的字符、键盘序列、日期或自己的姓名邮箱。建议用几个不相关的词加数字，例如“灯笼-港口-兰花-42”。`,
  en: `Password too weak: use at least ${MIN_PASSWORD_LENGTH} characters and avoid common passwords, runs or repeats, keyboard patterns, dates and your own name or email. Several unrelated words with a number work well, e.g. "lantern-harbour-orchid-42".`,
}
