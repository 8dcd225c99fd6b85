/**
 * Replaces Payload's "Publish" button on publishable collections: content goes live only through
 * approval (the review panel), so the button would only ever answer with an error.
 */
export const NoDirectPublish = () => null
