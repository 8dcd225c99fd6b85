import type { Validate } from 'payload'

/** App links: the web over TLS, or a route inside the hospital's apps. Anything else (javascript:, http:, data:) is refused. */
const ALLOWED_LINK = /^(https:\/\/[^\s]+|yixun:\/\/[^\s]+)$/i
/** Longest link (characters): well above any real page or app route, far below what bloats every feed answer. */
export const MAX_LINK_LENGTH = 1000

export const validateAppLink: Validate<string | null | undefined> = (value) => {
  if (!value) return true
  if (typeof value !== 'string' || value.length > MAX_LINK_LENGTH) return `链接最多 ${MAX_LINK_LENGTH} 个字符 / A link may have at most ${MAX_LINK_LENGTH} characters.`
  if (!ALLOWED_LINK.test(value)) {
    return '链接只能以 https:// 或 yixun:// 开头 / A link must start with https:// (web) or yixun:// (app route).'
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return '链接格式不正确 / The link is not a valid URL.'
  }
  // `https://user@host/` shows a trusted name before the @ while leading to another host (phishing), and may carry a password.
  if (url.username || url.password || /^[a-z]+:\/\/[^/?#]*@/i.test(value)) return '链接不能包含用户名或密码（@） / A link may not contain a user name or password (@ before the host).'
  return true
}

type Id = number | string

/** Every department named must exist (Payload checks the id's type, not that the department is there). */
export const validateDepartmentsExist: Validate<Array<Id | { id: Id }> | null | undefined> = async (value, { req }) => {
  const ids = (value ?? []).map((item) => (typeof item === 'object' && item ? item.id : item))
  if (ids.length === 0) return true
  const { totalDocs } = await req.payload.count({ collection: 'departments', where: { id: { in: ids } }, req, overrideAccess: true })
  return totalDocs === new Set(ids.map(String)).size ? true : '包含不存在的科室 / One or more departments do not exist.'
}

/** An end that is not after its start. */
export const endsAfterStart =
  (startField: string, message: string): Validate<string | Date | null | undefined> =>
  (value, { siblingData }) => {
    const start = (siblingData as Record<string, unknown>)?.[startField]
    if (!value || !start) return true
    return new Date(value).getTime() > new Date(start as string).getTime() ? true : message
  }
