import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { answerDatabaseOutage, shapeErrorResponse } from './src/api/errorResponses'
import { withInputChecks } from './src/api/rejectMalformedInput'
import { AppClients } from './collections/AppClients'
import { AuditLog } from './collections/AuditLog'
import { Brochures } from './collections/Brochures'
import { Departments } from './collections/Departments'
import { FeedEventCounts } from './collections/FeedEventCounts'
import { FreeClinicEvents } from './collections/FreeClinicEvents'
import { LoginFailures } from './collections/LoginFailures'
import { Media } from './collections/Media'
import { Notices } from './collections/Notices'
import { PromoVideos } from './collections/PromoVideos'
import { VideoTranscodes } from './collections/PromoVideos/VideoTranscodes'
import { ScheduleClaims } from './collections/ScheduleClaims'
import { Users } from './collections/Users'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { guardSystemCollections } from './src/access/systemCollections'
import { databaseAdapter, prepareDatabase } from './src/db/adapter'
import { resolveDatabase } from './src/db/uri'
import { calendarEndpoints } from './src/calendar/endpoints'
import { dashboardEndpoints } from './src/dashboard/endpoints'
import { healthEndpoint } from './src/health/healthEndpoint'
import { statsEndpoints } from './src/stats/statsEndpoints'
import { ingestEventsEndpoint } from './src/stats/ingestEventsEndpoint'
import { compactFeedEventCountsTask } from './src/stats/compactFeedEventCountsTask'
import { deliverWebhookTask } from './src/webhooks/deliverWebhookTask'
import { loggerDestination, loggerOptions } from './src/log/logger'
import { explainUploadLimit } from './src/media/explainUploadLimit'
import { mediaUploadOptions } from './src/media/mediaConfig'
import { removeUploadTempFiles } from './src/media/uploadedFile'
import { startMediaPipeline } from './src/media/mediaWorker'
import { transcodeVideoTask } from './src/media/transcodeVideoTask'
import { sendMailTask } from './src/mail/sendMailTask'
import { canRunJobs } from './src/jobs/canRunJobs'
import { scheduleTask } from './src/publishing/scheduleTask'
import { mailTransport } from './src/mail/transport'
import { payloadSecret } from './src/config/secret'
import { setting } from './src/config/settings'
import { allowedOrigins } from './src/security/allowedOrigins'
import { jsonBodiesOnly } from './src/security/jsonBodiesOnly'
import { graphQLDepthLimit, MAX_DEPTH, withReadCaps } from './src/security/readCaps'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const database = resolveDatabase()

export default withReadCaps(buildConfig({
  serverURL: setting('SERVER_URL') ?? '',
  // Payload ignores the session cookie of requests from other origins (src/security/headers.ts
  // also refuses them, and judges by the Host when no origin is configured).
  csrf: allowedOrigins(),
  maxDepth: MAX_DEPTH,
  graphQL: { maxComplexity: 1000, validationRules: () => [graphQLDepthLimit] },
  secret: payloadSecret(),
  admin: {
    user: Users.slug,
    // Gravatar is an outside host the hospital network does not reach.
    avatar: 'default',
    dateFormat: 'yyyy-MM-dd HH:mm',
    timezones: {
      defaultTimezone: 'Asia/Shanghai',
      supportedTimezones: [{ label: '北京时间 (Asia/Shanghai)', value: 'Asia/Shanghai' }],
    },
    meta: { titleSuffix: ' · 医讯 Yixun' },
    components: {
      beforeNavLinks: ['/src/admin/NavLinks#NavLinks'],
      // The home page answers "what do I do next?" above Payload's collection cards.
      beforeDashboard: ['/src/dashboard/admin/Dashboard#Dashboard'],
      views: {
        calendar: { Component: '/src/calendar/admin/CalendarView#CalendarView', path: '/calendar', exact: true },
        statistics: { Component: '/src/stats/admin/StatisticsView#StatisticsView', path: '/statistics', exact: true },
      },
    },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
    },
  },
  i18n: {
    supportedLanguages: { zh, en },
    fallbackLanguage: 'zh',
  },
  collections: [Notices, FreeClinicEvents, PromoVideos, Brochures, Media, VideoTranscodes, Users, Departments, AppClients, WebhookDeliveries, FeedEventCounts, ScheduleClaims, LoginFailures, AuditLog].map(withInputChecks),
  jobs: {
    tasks: [scheduleTask, sendMailTask, deliverWebhookTask, compactFeedEventCountsTask, transcodeVideoTask],
    // src/server.ts works the queue every second (src/jobs/runner.ts, one leader per cluster);
    // GET /api/payload-jobs/run is for an external cron and needs CRON_SECRET.
    access: { run: canRunJobs },
  },
  endpoints: [healthEndpoint, ingestEventsEndpoint, ...dashboardEndpoints, ...calendarEndpoints, ...statsEndpoints],
  // Uploads stream to temp files on disk (2 GB videos); each upload collection checks its own limit.
  upload: mediaUploadOptions(),
  hooks: { afterError: [shapeErrorResponse, explainUploadLimit, answerDatabaseOutage, removeUploadTempFiles] },
  editor: lexicalEditor(),
  db: databaseAdapter(database),
  onInit: async (payload) => {
    await prepareDatabase(payload, database)
    await startMediaPipeline(payload)
  },
  email: nodemailerAdapter({
    defaultFromAddress: setting('MAIL_FROM_ADDRESS'),
    defaultFromName: setting('MAIL_FROM_NAME')!,
    transport: mailTransport(),
    skipVerify: true,
  }),
  logger: { options: loggerOptions('payload'), destination: loggerDestination() },
  sharp,
  plugins: [jsonBodiesOnly],
  telemetry: false,
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
    // Only a developer's server rewrites the types; tests and scripts must not touch the tree.
    autoGenerate: process.env.NODE_ENV === 'development',
  },
}).then(guardSystemCollections))
