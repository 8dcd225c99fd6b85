import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { apiKeyHint, hashApiKey, newApiKey, newWebhookSecret } from '@/apps/apiKeys'

const NEW_KEY = 'yixunNewApiKey'
const NEW_SECRET = 'yixunNewWebhookSecret'

/**
 * A new app gets an API key (stored only as a hash) and, with a webhook URL, a signing secret.
 * A given `apiKey` (the seed's SEED_*_APP_KEY) is used instead of a random one.
 */
export const issueCredentials: CollectionBeforeChangeHook = ({ data, operation, context, originalDoc }) => {
  if (operation === 'create') {
    const key = typeof context.presetApiKey === 'string' ? context.presetApiKey : newApiKey()
    data.apiKeyHash = hashApiKey(key)
    data.apiKeyHint = apiKeyHint(key)
    data.apiKeyIssuedAt = new Date().toISOString()
    context[NEW_KEY] = key
  }
  if (data.webhookUrl && !(data.webhookSecret ?? originalDoc?.webhookSecret)) {
    data.webhookSecret = newWebhookSecret()
    context[NEW_SECRET] = data.webhookSecret
  }
  return data
}

/** Shows the new key and secret once, in the answer to the request that made them. */
export const revealNewCredentials: CollectionAfterChangeHook = ({ doc, context }) => {
  if (context[NEW_KEY] || context[NEW_SECRET]) {
    return { ...doc, ...(context[NEW_KEY] ? { apiKey: context[NEW_KEY] } : {}), ...(context[NEW_SECRET] ? { webhookSecret: context[NEW_SECRET] } : {}) }
  }
  return doc
}
