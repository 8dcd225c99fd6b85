import dns from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/**
 * Where webhooks may not go unless the operator names the target in WEBHOOK_ALLOWED_HOSTS: this
 * machine, the hospital's private networks, link-local (cloud metadata at 169.254.169.254),
 * multicast and reserved ranges. An admin's webhook URL must not turn Yixun into a way to reach
 * them (server-side request forgery).
 */
const INTERNAL = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) INTERNAL.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) INTERNAL.addSubnet(network, prefix, 'ipv6')

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4')

export type AllowList = { hosts: Set<string>; addresses: BlockList }

/** WEBHOOK_ALLOWED_HOSTS: comma-separated host names, addresses and CIDR ranges (read on every use). */
function allowList(env: NodeJS.ProcessEnv = process.env): AllowList {
  const hosts = new Set<string>()
  const addresses = new BlockList()
  for (const raw of (env.WEBHOOK_ALLOWED_HOSTS ?? '').split(',')) {
    const entry = raw.trim().toLowerCase().replace(/^\[|\]$/g, '')
    if (!entry) continue
    const [network, prefix] = entry.split('/')
    if (isIP(network)) {
      if (prefix === undefined) addresses.addAddress(network, family(network))
      else addresses.addSubnet(network, Number(prefix), family(network))
    } else hosts.add(entry)
  }
  return { hosts, addresses }
}

const bare = (hostname: string) => hostname.toLowerCase().replace(/^\[|\]$/g, '')

const hostAllowed = (list: AllowList, hostname: string) => list.hosts.has(bare(hostname))

/** True when Yixun may connect to `address` for a webhook to `hostname`. */
export function addressAllowed(address: string, hostname: string, list = allowList()): boolean {
  if (hostAllowed(list, hostname) || list.addresses.check(address, family(address))) return true
  return !INTERNAL.check(address, family(address))
}

export class WebhookTargetError extends Error {
  readonly code = 'WEBHOOK_TARGET_FORBIDDEN'
}

const forbidden = (hostname: string, address: string) =>
  new WebhookTargetError(`WEBHOOK_TARGET_FORBIDDEN: ${hostname} is ${address}, a loopback, private or link-local address (an operator may allow it in WEBHOOK_ALLOWED_HOSTS)`)

/**
 * DNS lookup for the delivery's socket: resolves, refuses if any answer is internal, and hands
 * the checked address to the connection itself, so a name that answers differently a second time
 * (DNS rebinding) cannot slip past the check.
 */
export const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0)
    const list = allowList()
    const refused = addresses.find(({ address }) => !addressAllowed(address, hostname, list))
    if (refused) return callback(forbidden(hostname, refused.address) as NodeJS.ErrnoException, '', 0)
    if (options.all) return (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, addresses)
    callback(null, addresses[0].address, addresses[0].family)
  })
}

type Messages = { zh: string; en: string }

/**
 * Checks a webhook URL when it is saved: https (plain http only to an allow-listed host), and not
 * an internal address, literally or by what the name resolves to now. A name that does not
 * resolve yet is accepted (the app's backend may not be online); each delivery checks again.
 * Returns null when fine, else what to tell the admin.
 */
export async function webhookUrlProblem(value: string): Promise<Messages | null> {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { zh: 'Webhook 地址不是有效的网址。', en: 'The webhook URL is not a valid URL.' }
  }
  const list = allowList()
  const hostname = bare(url.hostname)
  const allowedHttp = url.protocol === 'http:' && (hostAllowed(list, hostname) || (isIP(hostname) > 0 && list.addresses.check(hostname, family(hostname))))
  if (url.protocol !== 'https:' && !allowedHttp) {
    return {
      zh: 'Webhook 地址必须是 https://（仅运维在 WEBHOOK_ALLOWED_HOSTS 中允许的主机可用 http）。',
      en: 'A webhook URL must use https:// (plain http only for hosts the operator allows in WEBHOOK_ALLOWED_HOSTS).',
    }
  }
  if (url.username || url.password) return { zh: 'Webhook 地址不能包含用户名或密码。', en: 'A webhook URL may not contain a user name or password.' }
  const addresses = isIP(hostname) ? [hostname] : await dns.promises.lookup(hostname, { all: true }).then((all) => all.map((entry) => entry.address), () => [])
  const refused = addresses.find((address) => !addressAllowed(address, hostname, list))
  if (refused) {
    return {
      zh: `Webhook 地址指向本机、内网或链路本地地址（${refused}），不允许；如确需使用，请运维将其加入 WEBHOOK_ALLOWED_HOSTS。`,
      en: `The webhook URL points to a loopback, private or link-local address (${refused}); an operator must allow it in WEBHOOK_ALLOWED_HOSTS.`,
    }
  }
  return null
}

/** The address a delivery to a literal-IP URL goes to, refused when internal (names go through checkedLookup). */
export function literalAddressProblem(url: URL): WebhookTargetError | null {
  const hostname = bare(url.hostname)
  return isIP(hostname) && !addressAllowed(hostname, hostname) ? forbidden(hostname, hostname) : null
}
