/**
 * The code email's machine-readable marks, for programs that read the mailbox (the local stack's helpers, tests,
 * scripts): the code's HTML element carries `data-sign-in-code`, and the link is found by its fragment's shape.
 * Neither depends on the wording, so translated and custom templates are read the same way. Pure: no Node import.
 */
import { findSignInLink } from './sign-in-link.ts';

/** The attribute of the element that holds the code in the HTML part. */
export const CODE_MARK_ATTRIBUTE = 'data-sign-in-code';

/** The code as the HTML part shows it where a template puts `{{code}}` as text: a span that only marks it. */
export function markedCode(code: string): string {
  return `<span ${CODE_MARK_ATTRIBUTE}>${code}</span>`;
}

const MARKED_CODE = new RegExp(`<span ${CODE_MARK_ATTRIBUTE}>(\\d+)</span>`);

/** The code in an email's HTML part, or undefined. */
export function codeInHtml(html: string | undefined): string | undefined {
  return MARKED_CODE.exec(html ?? '')?.[1];
}

/** The sign-in link in an email's parts (the text part first), or undefined. */
export function linkInParts(body: { readonly text?: string | undefined; readonly html?: string | undefined }): string | undefined {
  return findSignInLink(body.text ?? '') ?? findSignInLink(body.html ?? '');
}
