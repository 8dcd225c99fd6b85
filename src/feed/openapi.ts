import pkg from '../../package.json'

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] })
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const dateTime = { type: 'string', format: 'date-time' }

const errorResponse = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref('Errors') } },
})

const feedPath = (audience: 'patient' | 'doctor') => ({
  get: {
    operationId: `${audience}Feed`,
    summary: audience === 'patient' ? '患者端首页内容 / Patient app feed' : '医生端首页内容 / Doctor app feed',
    description:
      'Everything live for this audience now. Built once per change and answered from memory. Send the ETag back in If-None-Match: an unchanged feed answers 304 with no body. Items carry id, version and display window so the app can cache them.',
    tags: ['Feed'],
    parameters: [
      { name: 'placement', in: 'query', schema: { type: 'string', enum: ['banner', 'popup', 'ticker', 'list'] }, description: 'Only notices of this placement.' },
      { name: 'department', in: 'query', schema: { type: 'string', pattern: '^[A-Z][A-Z0-9-]{1,31}$' }, description: 'Only items for this department code (hospital-wide notices included).' },
      { name: 'platform', in: 'query', schema: { type: 'string', enum: ['ios', 'android', 'mini_program'] }, description: 'Drop feature launches for other platforms.' },
      { name: 'appVersion', in: 'query', schema: { type: 'string', pattern: '^\\d+(\\.\\d+){0,2}$' }, description: 'Drop feature launches that need a newer app.' },
      { name: 'If-None-Match', in: 'header', schema: { type: 'string' } },
    ],
    responses: {
      '200': {
        description: 'The feed.',
        headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
        content: { 'application/json': { schema: ref('Feed') } },
      },
      '304': { description: 'Not modified since the ETag sent.' },
      '400': errorResponse('A filter value is not valid (code INVALID_FILTER).'),
      '401': errorResponse('No key, an unknown key or a revoked key (APP_KEY_MISSING, APP_KEY_INVALID, APP_KEY_REVOKED).'),
      '403': errorResponse('The key belongs to an app that may not read this feed (FEED_FORBIDDEN).'),
      '429': errorResponse('Too many requests for this key (RATE_LIMITED).', { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } }),
      '503': errorResponse('The feed is still being built after a start (FEED_NOT_READY).'),
    },
  },
})

/** The feed contract for app developers (OpenAPI 3.1), served at GET /api/feed/openapi.json. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: '医讯 Yixun app API',
      version: pkg.version,
      description:
        'What the patient and doctor apps read from Yixun: live homepage notices, free-clinic events, promo videos and brochures; where they report views and clicks; and the webhooks Yixun sends when live content changes. Authenticate with the app key issued by the hospital: `Authorization: Bearer yxk_…`. Times are UTC (ISO 8601); show them in Asia/Shanghai.',
    },
    servers: [{ url: '/' }],
    security: [{ appKey: [] }],
    tags: [{ name: 'Feed' }, { name: 'Statistics' }],
    paths: {
      '/api/feed/patient': feedPath('patient'),
      '/api/feed/doctor': feedPath('doctor'),
      '/api/feed/events': {
        post: {
          operationId: 'reportEvents',
          summary: '上报曝光、点击、关闭 / Report impressions, clicks and dismissals',
          tags: ['Statistics'],
          requestBody: { required: true, content: { 'application/json': { schema: ref('EventBatch') } } },
          responses: {
            '202': { description: 'Counted. Items Yixun does not know (or not for this app) are listed as ignored.', content: { 'application/json': { schema: { type: 'object' } } } },
            '401': errorResponse('No key, an unknown key or a revoked key.'),
            '422': errorResponse('The batch is not valid; nothing of it was stored. Each error names the entry index and field.'),
          },
        },
      },
    },
    webhooks: {
      contentChanged: {
        post: {
          summary: 'Live content changed',
          description:
            'Sent to the app backend’s webhook URL when content for its audience was published, updated while live, withdrawn or expired. Signed per the Standard Webhooks specification: headers webhook-id (stable across retries), webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the whsec_ secret). Retried with backoff for up to 24 hours; answer 2xx to acknowledge.',
          requestBody: { content: { 'application/json': { schema: ref('WebhookEvent') } } },
          responses: { '200': { description: 'Acknowledged.' } },
        },
      },
    },
    components: {
      securitySchemes: { appKey: { type: 'http', scheme: 'bearer', description: 'The app key, yxk_…' } },
      schemas: {
        Errors: {
          type: 'object',
          required: ['errors'],
          properties: { errors: { type: 'array', items: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
        },
        DisplayWindow: { type: 'object', required: ['start', 'end'], additionalProperties: false, properties: { start: nullable(dateTime), end: nullable(dateTime) } },
        Department: { type: 'object', required: ['code', 'name'], additionalProperties: false, properties: { code: { type: 'string' }, name: { type: 'string' } } },
        Image: nullable({
          type: 'object',
          required: ['alt', 'url', 'sizes'],
          properties: { alt: { type: 'string' }, url: { type: 'string' }, width: { type: 'integer' }, height: { type: 'integer' }, sizes: { type: 'object', additionalProperties: { type: 'string' } } },
        }),
        Notice: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'collection', 'version', 'title', 'summary', 'kind', 'placement', 'priority', 'pinned', 'displayWindow', 'link', 'image', 'departments', 'popupFrequency', 'platforms', 'minAppVersion', 'bodyHtml', 'bodyText'],
          properties: {
            id: { type: 'string' },
            collection: { const: 'notices' },
            version: { type: 'string', description: 'Changes whenever the live item changes.' },
            title: { type: 'string' },
            summary: nullable({ type: 'string' }),
            kind: { type: 'string', enum: ['feature_launch', 'activity', 'clinic_suspension', 'service_change', 'general'] },
            placement: { type: 'string', enum: ['banner', 'popup', 'ticker', 'list'] },
            priority: { type: 'number' },
            pinned: { type: 'boolean' },
            displayWindow: ref('DisplayWindow'),
            link: nullable({ type: 'string', description: 'https:// page or yixun:// app route' }),
            image: ref('Image'),
            departments: { type: 'array', items: ref('Department'), description: 'Empty: the whole hospital.' },
            popupFrequency: nullable({ type: 'string', enum: ['once', 'daily', 'every_launch'] }),
            platforms: { type: 'array', items: { type: 'string', enum: ['ios', 'android', 'mini_program'] } },
            minAppVersion: nullable({ type: 'string' }),
            bodyHtml: { type: 'string', description: 'Sanitised: no script, handlers or javascript: links.' },
            bodyText: { type: 'string' },
          },
        },
        Event: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'collection', 'version', 'title', 'mode', 'address', 'departments', 'doctors', 'sessions', 'registrationLink', 'poster', 'displayWindow', 'descriptionHtml', 'descriptionText'],
          properties: {
            id: { type: 'string' },
            collection: { const: 'free-clinic-events' },
            version: { type: 'string' },
            title: { type: 'string' },
            mode: { type: 'string', enum: ['onsite', 'online'] },
            address: nullable({ type: 'string' }),
            departments: { type: 'array', items: ref('Department') },
            doctors: {
              type: 'array',
              items: { type: 'object', required: ['name', 'title', 'department'], properties: { name: { type: 'string' }, title: nullable({ type: 'string' }), department: nullable(ref('Department')) } },
            },
            sessions: {
              type: 'array',
              items: { type: 'object', required: ['startsAt', 'endsAt', 'quota'], additionalProperties: false, properties: { startsAt: dateTime, endsAt: dateTime, quota: { type: 'integer', minimum: 0 } } },
            },
            registrationLink: nullable({ type: 'string' }),
            poster: ref('Image'),
            displayWindow: ref('DisplayWindow'),
            descriptionHtml: { type: 'string' },
            descriptionText: { type: 'string' },
          },
        },
        Feed: {
          type: 'object',
          additionalProperties: false,
          required: ['audience', 'notices', 'events', 'videos', 'brochures'],
          properties: {
            audience: { type: 'string', enum: ['patient', 'doctor'] },
            notices: {
              type: 'object',
              additionalProperties: false,
              required: ['banner', 'popup', 'ticker', 'list'],
              description: 'Grouped by placement; each group ordered pinned, then priority (high first), then start.',
              properties: Object.fromEntries(['banner', 'popup', 'ticker', 'list'].map((p) => [p, { type: 'array', items: ref('Notice') }])),
            },
            events: { type: 'array', items: ref('Event'), description: 'Live free-clinic events, soonest first.' },
            videos: { type: 'array', items: ref('Video'), description: 'Live promo videos with playable outputs (HLS for players, MP4 fallback, poster).' },
            brochures: { type: 'array', items: ref('Brochure') },
          },
        },
        Video: {
          type: 'object',
          required: ['id', 'collection', 'version', 'title', 'description', 'tags', 'departments', 'displayWindow', 'hls', 'mp4', 'poster', 'posterSizes', 'durationSeconds', 'width', 'height'],
          properties: {
            id: { type: 'string' },
            collection: { const: 'promo-videos' },
            version: { type: 'string' },
            title: { type: 'string' },
            description: nullable({ type: 'string' }),
            tags: { type: 'array', items: { type: 'string' } },
            departments: { type: 'array', items: ref('Department') },
            displayWindow: ref('DisplayWindow'),
            hls: { type: 'string', description: 'HLS master playlist (360p and 720p).' },
            mp4: { type: 'string', description: '720p H.264/AAC MP4, fast start; byte ranges supported.' },
            poster: { type: 'string' },
            posterSizes: { type: 'array', items: { type: 'object', required: ['width', 'height', 'jpeg', 'webp'], properties: { width: { type: 'integer' }, height: { type: 'integer' }, jpeg: { type: 'string' }, webp: { type: 'string' } } } },
            durationSeconds: { type: 'number' },
            width: { type: 'integer' },
            height: { type: 'integer' },
          },
        },
        Brochure: {
          type: 'object',
          required: ['id', 'collection', 'version', 'title', 'description', 'departments', 'displayWindow', 'pdf', 'pageCount', 'cover'],
          properties: {
            id: { type: 'string' },
            collection: { const: 'brochures' },
            version: { type: 'string' },
            title: { type: 'string' },
            description: nullable({ type: 'string' }),
            departments: { type: 'array', items: ref('Department') },
            displayWindow: ref('DisplayWindow'),
            pdf: { type: 'string' },
            pageCount: { type: 'integer' },
            cover: { type: 'array', items: { type: 'object', required: ['width', 'height', 'jpeg', 'webp'], properties: { width: { type: 'integer' }, height: { type: 'integer' }, jpeg: { type: 'string' }, webp: { type: 'string' } } } },
          },
        },
        EventBatch: {
          type: 'object',
          required: ['events'],
          properties: {
            events: {
              type: 'array',
              minItems: 1,
              maxItems: 500,
              items: {
                type: 'object',
                required: ['type', 'collection', 'id', 'placement', 'platform', 'at', 'deviceId'],
                properties: {
                  type: { type: 'string', enum: ['impression', 'click', 'dismiss'] },
                  collection: { type: 'string', enum: ['notices', 'free-clinic-events', 'promo-videos', 'brochures'] },
                  id: { type: ['string', 'integer'] },
                  placement: { type: 'string' },
                  platform: { type: 'string', enum: ['ios', 'android', 'mini_program', 'web'] },
                  at: dateTime,
                  deviceId: { type: 'string', maxLength: 64, description: 'An anonymous id the app makes; never a phone number or user id.' },
                },
              },
            },
          },
        },
        WebhookEvent: {
          type: 'object',
          required: ['id', 'type', 'timestamp', 'data'],
          properties: {
            id: { type: 'string' },
            type: { type: 'string', enum: ['content.published', 'content.updated', 'content.withdrawn', 'content.expired'] },
            timestamp: dateTime,
            data: { type: 'object', required: ['collection', 'id'], properties: { collection: { type: 'string' }, id: { type: 'string' }, version: { type: 'string' }, audience: { type: 'string' } } },
          },
        },
      },
    },
  }
}
