import { BlockList } from 'node:net'

import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import { allowedOrigins } from '@/security/allowedOrigins'
import { crossOriginWrite } from '@/security/crossOrigin'
import { contentSecurityPolicy } from '@/security/headers'
import { graphQLDepthLimit, MAX_GRAPHQL_DEPTH } from '@/security/readCaps'
import { addressAllowed } from '@/webhooks/webhookTarget'

const session = 'payload-token=abc'

describe('a cookie-authenticated change', () => {
  const admin = ['https://yixun.hospital.example']

  it('is refused from a page of another origin, and allowed from the admin’s own', () => {
    expect(crossOriginWrite({ method: 'POST', origin: 'https://evil.example', cookie: session }, admin)).toBe(true)
    expect(crossOriginWrite({ method: 'PATCH', origin: 'https://intranet.hospital.example', cookie: session }, admin)).toBe(true)
    expect(crossOriginWrite({ method: 'DELETE', origin: 'null', cookie: session }, admin)).toBe(true)
    expect(crossOriginWrite({ method: 'POST', origin: 'https://yixun.hospital.example', cookie: session }, admin)).toBe(false)
  })

  it('without Origin is refused only when the browser says it is cross-site', () => {
    expect(crossOriginWrite({ method: 'POST', cookie: session, secFetchSite: 'cross-site' }, admin)).toBe(true)
    expect(crossOriginWrite({ method: 'POST', cookie: session, secFetchSite: 'same-origin' }, admin)).toBe(false)
    expect(crossOriginWrite({ method: 'POST', cookie: session }, admin)).toBe(false)
  })

  it('is judged by the Host (or the proxy’s X-Forwarded-Host) when no origin is configured', () => {
    expect(crossOriginWrite({ method: 'POST', origin: 'http://localhost:3000', host: 'localhost:3000', cookie: session }, [])).toBe(false)
    expect(crossOriginWrite({ method: 'POST', origin: 'https://yixun.hospital.example', host: '10.0.0.5:3000', forwardedHost: 'yixun.hospital.example', cookie: session }, [])).toBe(false)
    expect(crossOriginWrite({ method: 'POST', origin: 'http://localhost:4000', host: 'localhost:3000', cookie: session }, [])).toBe(true)
    expect(crossOriginWrite({ method: 'POST', origin: 'http://evil.example', host: 'localhost:3000', cookie: session }, [])).toBe(true)
  })

  it('leaves reads and cookie-less clients (app keys, JWT headers) alone', () => {
    expect(crossOriginWrite({ method: 'GET', origin: 'https://evil.example', cookie: session }, [])).toBe(false)
    expect(crossOriginWrite({ method: 'POST', origin: 'https://evil.example' }, ['https://yixun.hospital.example'])).toBe(false)
  })
})

describe('allowed origins', () => {
  it('are SERVER_URL’s origin plus ALLOWED_ORIGINS', () => {
    expect(allowedOrigins({ SERVER_URL: 'https://yixun.hospital.example/admin/', ALLOWED_ORIGINS: ' https://yixun2.hospital.example , ' })).toEqual([
      'https://yixun.hospital.example',
      'https://yixun2.hospital.example',
    ])
    expect(allowedOrigins({})).toEqual([])
  })

  it('refuse a value that is not an http(s) URL, naming the variable', () => {
    expect(() => allowedOrigins({ ALLOWED_ORIGINS: 'yixun.hospital.example' })).toThrow(/ALLOWED_ORIGINS/)
    expect(() => allowedOrigins({ SERVER_URL: 'ftp://yixun.hospital.example' })).toThrow(/SERVER_URL/)
  })
})

describe('the content security policy', () => {
  it('lets only Yixun frame its pages and keeps blob: media and workers for the video preview', () => {
    const policy = contentSecurityPolicy(false)
    expect(policy).toContain("frame-ancestors 'self'")
    expect(policy).toContain("media-src 'self' blob:")
    expect(policy).toContain("worker-src 'self' blob:")
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toContain('unsafe-eval')
    expect(contentSecurityPolicy(true)).toContain("'unsafe-eval'")
  })
})

describe('webhook targets', () => {
  const none = { hosts: new Set<string>(), addresses: new BlockList() }

  it('may not be loopback, private, link-local, multicast or unspecified addresses, v4 or v6', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:a9fe:a9fe']) {
      expect(addressAllowed(address, 'receiver.example', none), address).toBe(false)
    }
    for (const address of ['8.8.8.8', '203.0.114.1', '2606:4700::1111']) expect(addressAllowed(address, 'receiver.example', none), address).toBe(true)
  })

  it('may be an internal address the operator allows by host name, address or range', () => {
    const addresses = new BlockList()
    addresses.addSubnet('10.20.0.0', 16, 'ipv4')
    const list = { hosts: new Set(['apps.hospital.local']), addresses }
    expect(addressAllowed('10.20.3.4', 'x.example', list)).toBe(true)
    expect(addressAllowed('10.21.3.4', 'x.example', list)).toBe(false)
    expect(addressAllowed('192.168.5.5', 'apps.hospital.local', list)).toBe(true)
  })
})

describe('GraphQL queries', () => {
  const schema = buildSchema('type Node { id: ID, child: Node } type Query { node: Node }')
  const nested = (levels: number) => `{ node { ${'child { '.repeat(levels - 1)}id${' }'.repeat(levels)} }`

  it(`may nest at most ${MAX_GRAPHQL_DEPTH} levels, through fragments too`, () => {
    expect(validate(schema, parse(nested(MAX_GRAPHQL_DEPTH)), [graphQLDepthLimit])).toEqual([])
    expect(validate(schema, parse(nested(MAX_GRAPHQL_DEPTH + 1)), [graphQLDepthLimit])[0]?.message).toMatch(/nested 7 levels/)
    const viaFragment = `query { node { ...deep } } fragment deep on Node { child { child { child { child { child { child { id } } } } } } }`
    expect(validate(schema, parse(viaFragment), [graphQLDepthLimit])).toHaveLength(1)
  })

  it('lets introspection through, which reads the schema and never data, however deep its type references go', () => {
    const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'
    const introspection = `{ __schema { queryType { fields { name args { name type { ${typeRef} } } type { ${typeRef} } } } } }`
    expect(validate(schema, parse(introspection), [graphQLDepthLimit])).toEqual([])
    expect(validate(schema, parse(`{ __typename node { ${'child { '.repeat(MAX_GRAPHQL_DEPTH)}id${' }'.repeat(MAX_GRAPHQL_DEPTH + 1)} }`), [graphQLDepthLimit])).toHaveLength(1)
  })
})
