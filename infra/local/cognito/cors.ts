import type { IncomingMessage } from 'node:http';

const ALLOWED_HEADERS =
  'content-type, x-amz-target, x-amz-user-agent, cache-control, authorization, x-amz-date, x-amz-security-token, amz-sdk-invocation-id, amz-sdk-request';

/**
 * CORS for the endpoint. Cognito's public endpoint allows any origin; on a developer's machine that would
 * let any web page they open drive the local pool, so only the listed origins (the sign-in page's, plus
 * CORS_ALLOWED_ORIGINS) get CORS headers, and a request from any other browser origin is refused.
 * Requests without an Origin header (SDKs, scripts, curl) are not browsers' and pass.
 */
export class CorsPolicy {
  constructor(private readonly allowedOrigins: () => ReadonlySet<string>) {}

  /** False when a browser on another origin sent the request. */
  allows(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return origin === undefined || this.allowedOrigins().has(origin);
  }

  headers(request: IncomingMessage): Record<string, string> {
    const origin = request.headers.origin;
    if (origin === undefined || !this.allowedOrigins().has(origin)) return { Vary: 'Origin' };
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
      'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? ALLOWED_HEADERS,
      'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
  }
}

/** Origins as browsers send them (`scheme://host[:port]`); invalid entries are an error naming the variable. */
export function parseOrigins(raw: string | undefined, variable: string): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`Invalid configuration: ${variable} must list origins like http://localhost:3000, got "${entry}"`);
      }
      if (url.origin !== entry.replace(/\/$/, '')) {
        throw new Error(`Invalid configuration: ${variable} must list origins like http://localhost:3000, got "${entry}"`);
      }
      return url.origin;
    });
}
