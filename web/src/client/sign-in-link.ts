/** What a code email's sign-in link carries in its fragment: the address to sign in and the link's secret. */
export interface SignInLink {
  readonly email: string;
  readonly secret: string;
}

/**
 * Reads a sign-in link (the page's address with `#email=...&link=...`, as the Create trigger writes it), or
 * undefined when the address carries none. The fragment never reaches a server; remove it from the address bar
 * once read (`history.replaceState`), so the secret is not left in the history.
 */
export function readSignInLink(href: string): SignInLink | undefined {
  const hash = href.includes('#') ? href.slice(href.indexOf('#') + 1) : '';
  const params = new URLSearchParams(hash);
  const email = params.get('email')?.trim();
  const secret = params.get('link')?.trim();
  // Only an address is shown as one: a crafted link cannot put other text on the page.
  const isAddress = email !== undefined && email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(email);
  return isAddress && secret && /^[A-Za-z0-9_-]{22}$/.test(secret) ? { email, secret } : undefined;
}
