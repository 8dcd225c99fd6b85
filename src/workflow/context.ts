import type { RequestContext } from 'payload'

/**
 * Set on the Local API calls the workflow itself makes. Only these may publish, unpublish or
 * change review fields; every other save becomes a draft that must go through review.
 */
export const WORKFLOW_CONTEXT = 'workflowTransition'

export const isWorkflowWrite = (context: RequestContext | undefined) => Boolean(context?.[WORKFLOW_CONTEXT])
