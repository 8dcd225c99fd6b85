import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import sanitizeHtml from 'sanitize-html'

/**
 * What an app's web view may render from a notice body: text structure, links and images over
 * https or into the app. No script, no event handlers, no styles, no javascript: or data: links.
 */
const SAFE_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'code', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'hr', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'rel', 'target'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['https', 'yixun', 'tel', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
}

type RichText = SerializedEditorState | null | undefined

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * Payload's converter turns every link that is not http(s)/mailto/tel into "#", which would break
 * links into the apps (yixun://…). Pass the URL through; sanitize-html then applies our scheme list.
 */
const appAwareLinks: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link: ({ node, nodesToHTML }) => {
    const url = node.fields.linkType === 'internal' ? '' : String(node.fields.url ?? '')
    return `<a href="${escapeAttribute(url)}">${nodesToHTML({ nodes: node.children }).join('')}</a>`
  },
})

const isEditorState = (value: unknown): value is SerializedEditorState =>
  Boolean(value && typeof value === 'object' && 'root' in (value as object))

/** Lexical JSON → HTML an app can show without trusting the author. */
export function richTextToSafeHtml(value: RichText): string {
  if (!isEditorState(value)) return ''
  return sanitizeHtml(convertLexicalToHTML({ data: value, disableContainer: true, converters: appAwareLinks }), SAFE_HTML)
}

/** Lexical JSON → plain text, for tickers, push messages and search. */
export function richTextToPlainText(value: RichText): string {
  if (!isEditorState(value)) return ''
  return convertLexicalToPlaintext({ data: value }).trim()
}

/** Any HTML from elsewhere (e.g. an import) cleaned to the same rules. */
export const sanitizeNoticeHtml = (html: string) => sanitizeHtml(html, SAFE_HTML)
