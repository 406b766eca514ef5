// The sign-in page's security headers, defined once for the CloudFront hosting and the local page server.

/**
 * The page's Content-Security-Policy: its own scripts, styles and images (the icon), `/config.json` and the user
 * pool's API, and nothing else. No inline script or style, no frames around it (`frame-ancestors`), no `<base>` and
 * no form posts (the page's script handles the forms). Trusted Types keep strings out of the DOM's script sinks.
 * `apiOrigins` are the origins the page calls besides its own: the user pool's endpoint.
 */
export function pageContentSecurityPolicy(apiOrigins: readonly string[]): string {
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'"],
    ['connect-src', "'self'", ...apiOrigins],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['require-trusted-types-for', "'script'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The user pool's regional API endpoint, which the page calls on AWS (`urlSuffix` is `amazonaws.com.cn` in China). */
export const cognitoEndpointOf = (region: string, urlSuffix = 'amazonaws.com') => `https://cognito-idp.${region}.${urlSuffix}`;

/** Two years: the page is only ever served over HTTPS on AWS. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;
/** Covers hosts under the page's own (none on a CloudFront name); a custom domain's siblings are not affected. */
export const HSTS_INCLUDE_SUBDOMAINS = true;
export const FRAME_OPTIONS = 'DENY' as const;
export const REFERRER_POLICY = 'no-referrer' as const;

export interface PageHeaderOptions {
  /** Origins the page calls besides its own (the user pool's endpoint). */
  readonly apiOrigins: readonly string[];
  /**
   * Served over HTTPS: adds Strict-Transport-Security. Browsers ignore that header on plain HTTP (RFC 6797,
   * section 8.1), so the local page server on http://127.0.0.1 leaves it out rather than send a header that does nothing.
   */
  readonly https: boolean;
}

/** The headers, by name, as the page's responses carry them. */
export function pageSecurityHeaders(options: PageHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': pageContentSecurityPolicy(options.apiOrigins),
    ...(options.https
      ? { 'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE_SECONDS}${HSTS_INCLUDE_SUBDOMAINS ? '; includeSubDomains' : ''}` }
      : {}),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': FRAME_OPTIONS,
    'Referrer-Policy': REFERRER_POLICY,
  };
}
