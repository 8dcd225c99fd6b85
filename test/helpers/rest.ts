import { REST_DELETE, REST_GET, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

/** `body` is sent as JSON; `rawBody` exactly as given (malformed or hostile JSON); `form` a multipart body instead, as the admin's forms send (`_payload` holds the fields). */
type RequestOptions = { token?: string; body?: unknown; rawBody?: string; form?: FormData; headers?: Record<string, string> }

/**
 * Calls Payload's REST route handlers in process, exactly as Next would route /api/* to them
 * (the approach of Payload's own test suites), so access rules are tested where apps meet them.
 */
export class RestClient {
  private handlers: Record<string, ReturnType<typeof REST_GET>>

  constructor(config: Promise<SanitizedConfig> | SanitizedConfig) {
    this.handlers = {
      GET: REST_GET(config),
      POST: REST_POST(config),
      PATCH: REST_PATCH(config),
      PUT: REST_PUT(config),
      DELETE: REST_DELETE(config),
    }
  }

  async request(method: string, path: string, { token, body, rawBody, form, headers = {} }: RequestOptions = {}): Promise<Response> {
    const url = new URL(path, 'http://localhost:3000/api/')
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const init: RequestInit = {
      method,
      headers: {
        'Accept-Language': 'en',
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...(body !== undefined || rawBody !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: form ?? rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    }
    return this.handlers[method](new Request(url, init), { params: Promise.resolve({ slug }) })
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options)
  post = (path: string, options?: RequestOptions) => this.request('POST', path, options)
  patch = (path: string, options?: RequestOptions) => this.request('PATCH', path, options)
  delete = (path: string, options?: RequestOptions) => this.request('DELETE', path, options)
}
