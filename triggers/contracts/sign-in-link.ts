/**
 * The sign-in link contract: the page's address with the address to sign in and the link's secret in its
 * fragment (`#email=...&link=...`), which browsers never send to a server or put in a Referer header. Written by
 * the Create trigger into the email, read by the page (and the local mailbox helpers). Pure: no Node or AWS import.
 */

/** What a sign-in link carries: the address to sign in and the link's secret. */
export interface SignInLink {
  readonly email: string;
  readonly secret: string;
}

/** The fragment's parameter names. */
export const LINK_FRAGMENT = { email: 'email', secret: 'link' } as const;

/** Bytes of randomness in a link's secret: 128 bits, so it needs no guess limit. */
export const LINK_SECRET_BYTES = 16;

/** A link's secret on the wire: the bytes in base64url, 22 characters. */
export const LINK_SECRET_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The link a code email carries: `pageUrl` with the address and the secret in its fragment. */
export function signInLinkFor(pageUrl: string, address: string, secret: string): string {
  return `${pageUrl}#${new URLSearchParams({ [LINK_FRAGMENT.email]: address, [LINK_FRAGMENT.secret]: secret }).toString()}`;
}

/**
 * Reads a sign-in link (any address whose fragment has the link's shape), or undefined when the address carries
 * none. The fragment never reaches a server; remove it from the address bar once read (`history.replaceState`),
 * so the secret is not left in the history.
 */
export function readSignInLink(href: string): SignInLink | undefined {
  const hash = href.includes('#') ? href.slice(href.indexOf('#') + 1) : '';
  const params = new URLSearchParams(hash);
  const email = params.get(LINK_FRAGMENT.email)?.trim();
  const secret = params.get(LINK_FRAGMENT.secret)?.trim();
  // Only an address is shown as one: a crafted link cannot put other text on the page.
  const isAddress = email !== undefined && email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(email);
  return isAddress && secret && LINK_SECRET_PATTERN.test(secret) ? { email, secret } : undefined;
}

const URL_CANDIDATE = /https?:\/\/[^\s"'<>]+/g;

/**
 * The first sign-in link in a text (an email's text part, or its HTML with `&amp;` in attributes), recognised by
 * its fragment's shape alone, so any wording around it works.
 */
export function findSignInLink(text: string): string | undefined {
  for (const [candidate] of text.matchAll(URL_CANDIDATE)) {
    // A sentence may end right after the link: its full stop is not part of it.
    const href = candidate.replaceAll('&amp;', '&').replace(/[.,;:!?)\]]+$/, '');
    if (readSignInLink(href)) return href;
  }
  return undefined;
}

/** How a deployment sets the link: a page's URL, `false` for code-only emails, or undefined for the default. */
export type SignInLinkSetting = string | false | undefined;

/**
 * The page a code email links to, decided here only: the URL set, none when set off, else the sign-in page served
 * beside the pool (the local stack's page, the ready app's hosted page), if there is one. Never in
 * `password-and-code` mode: a link cannot give the password.
 */
export function signInLinkPage(signInMode: 'code' | 'password-and-code', setting: SignInLinkSetting, servedPage?: string): string | undefined {
  if (signInMode !== 'code' || setting === false) return undefined;
  return setting ?? servedPage;
}
