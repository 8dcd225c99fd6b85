import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql'
import type { CollectionBeforeOperationHook, SanitizedConfig } from 'payload'

/** Most documents one REST or GraphQL read returns per page (and per join); the admin offers at most 100 too. */
export const MAX_PAGE_SIZE = 100

/** Relationship levels populated in any answer (Payload's `maxDepth`, all APIs; Yixun's own reads use 0 or 1). */
export const MAX_DEPTH = 2

/** Nested selection levels a GraphQL query may have: `Notices { docs { image { sizes { thumbnail { url } } } } }` is 5. */
export const MAX_GRAPHQL_DEPTH = 6

const capped = (limit: unknown) => {
  const asked = Number(limit)
  return Number.isFinite(asked) && asked > 0 ? Math.min(Math.floor(asked), MAX_PAGE_SIZE) : MAX_PAGE_SIZE
}

/**
 * Reads through REST and GraphQL come in pages of at most MAX_PAGE_SIZE: a larger `limit`, `limit=0`
 * and `pagination=false` (which would return the whole table) are clamped, not refused, so the
 * admin and clients that ask for "all" keep working and see `hasNextPage`/`totalDocs`. The Local
 * API (the feed builder, jobs, Yixun's endpoints) is not limited here.
 */
export const capReads: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'local' || (operation !== 'read' && operation !== 'readDistinct')) return args
  const read = args as { limit?: unknown; pagination?: unknown; depth?: number; joins?: false | Record<string, { limit?: unknown } | undefined> }
  if (!('id' in args)) {
    const askedForAll = read.pagination === false || read.pagination === 'false'
    read.pagination = true
    // find pages 10 by default; findDistinct would return every distinct value.
    read.limit = read.limit === undefined && operation === 'read' && !askedForAll ? undefined : capped(read.limit)
  }
  if (read.joins) {
    for (const join of Object.values(read.joins)) if (join) join.limit = capped(join.limit ?? MAX_PAGE_SIZE)
  }
  if (typeof read.depth === 'number' && read.depth > MAX_DEPTH) read.depth = MAX_DEPTH
  return read as typeof args
}

/**
 * Adds capReads to every collection, Payload's own included (payload-jobs, -locked-documents,
 * -preferences, -migrations): those are only added while the config is sanitised, after plugins.
 */
export async function withReadCaps(config: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const sanitized = await config
  for (const collection of sanitized.collections) {
    collection.hooks.beforeOperation = [capReads, ...(collection.hooks.beforeOperation ?? [])]
  }
  return sanitized
}

function selectionDepth(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let deepest = 0
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      // Introspection (__schema, __type) reads the schema, never data: its nesting follows type
      // references (a client generator asks ~8 levels deep) and cannot dump a table.
      if (selection.name.value.startsWith('__')) continue
      if (selection.selectionSet) deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet, fragments, seen))
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, seen))
    } else {
      const fragment = fragments.get(selection.name.value)
      if (fragment && !seen.has(fragment.name.value)) deepest = Math.max(deepest, selectionDepth(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value])))
    }
  }
  return deepest
}

/** GraphQL's answer to REST's depth: refuses a query nested deeper than MAX_GRAPHQL_DEPTH before it runs. */
export const graphQLDepthLimit: ValidationRule = (context) => {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  return {
    OperationDefinition(node) {
      const depth = selectionDepth(node.selectionSet, fragments, new Set())
      if (depth > MAX_GRAPHQL_DEPTH) {
        context.reportError(new GraphQLError(`Query is nested ${depth} levels deep; at most ${MAX_GRAPHQL_DEPTH} are allowed.`, { nodes: [node], extensions: { code: 'QUERY_TOO_DEEP' } }))
      }
    },
  }
}
