/**
 * The client's address as src/server.ts records it for the audit log and the sign-in lock.
 *
 * Without a proxy (`TRUST_PROXY_HOPS` unset or 0) it is the socket's peer: X-Forwarded-For is
 * whatever the client typed and is ignored. Behind N reverse proxies that each append the address
 * they saw, the client is the N-th entry from the right; entries further left are the client's
 * own claims and cannot be trusted. Too few entries (a request that bypassed the proxy) → the peer.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const hops = Number.isSafeInteger(trustedHops) && trustedHops > 0 ? trustedHops : 0
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')
  const chain = header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (hops === 0 || chain.length < hops) return peer ?? ''
  return chain[chain.length - hops]
}
