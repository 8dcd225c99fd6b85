import { describe, expect, it } from 'vitest'

import { clientAddress } from '@/audit/clientAddress'

describe('the client address', () => {
  it('is the socket peer unless proxies are trusted: a client cannot pick its own by X-Forwarded-For', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.1', 0)).toBe('203.0.113.9')
    expect(clientAddress('203.0.113.9', undefined, 0)).toBe('203.0.113.9')
  })

  it('behind trusted proxies is the entry the outermost trusted proxy added, not what the client claimed', () => {
    // The client sent "1.2.3.4" itself; the one proxy appended the address it saw.
    expect(clientAddress('10.0.0.5', '1.2.3.4, 198.51.100.20', 1)).toBe('198.51.100.20')
    expect(clientAddress('10.0.0.5', ['1.2.3.4', '198.51.100.20, 10.0.0.4'], 2)).toBe('198.51.100.20')
    // A request that reached the server around the proxy carries too few entries: the peer counts.
    expect(clientAddress('198.51.100.77', undefined, 1)).toBe('198.51.100.77')
  })
})
