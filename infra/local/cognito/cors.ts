import type { IncomingMessage } from 'node:http';

const ALLOWED_HEADERS =
  'content-type, x-amz-target, x-amz-user-agent, cache-control, authorization, x-amz-date, x-amz-security-token, amz-sdk-invocation-id, amz-sdk-request';

/** The names a browser may give this machine's loopback interface; an origin on one is the same page on the others. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Refused origins are logged once each; past this many, no more are remembered (or logged). */
const MAX_LOGGED_ORIGINS = 100;

/**
 * CORS for the endpoint. Cognito's public endpoint allows any origin; on a developer's machine that would
 * let any web page they open drive the local pool, so only the listed origins (the sign-in page's, plus
 * CORS_ALLOWED_ORIGINS) get CORS headers, and a request from any other browser origin is refused.
 * A listed origin on the loopback interface is allowed under each of its spellings (`localhost`, `127.0.0.1`,
 * `[::1]`, same scheme and port): it is the same page on the same machine, whichever name Vite printed.
 * Requests without an Origin header (SDKs, scripts, curl) are not browsers' and pass.
 * A browser never shows the refusal's text to the page (CORS hides it), so the first refusal of each origin
 * is logged with the list of allowed ones.
 */
export class CorsPolicy {
  private readonly logged = new Set<string>();

  constructor(
    private readonly allowedOrigins: () => ReadonlySet<string>,
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {}

  /** False when a browser on another origin sent the request. */
  allows(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (origin === undefined || this.isAllowed(origin)) return true;
    if (!this.logged.has(origin) && this.logged.size < MAX_LOGGED_ORIGINS) {
      this.logged.add(origin);
      this.log(refusalLine(origin, [...this.allowedOrigins()]));
    }
    return false;
  }

  headers(request: IncomingMessage): Record<string, string> {
    const origin = request.headers.origin;
    if (origin === undefined || !this.isAllowed(origin)) return { Vary: 'Origin' };
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
      'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? ALLOWED_HEADERS,
      'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
  }

  private isAllowed(origin: string): boolean {
    const allowed = this.allowedOrigins();
    return allowed.has(origin) || loopbackSpellings(origin).some((spelling) => allowed.has(spelling));
  }
}

/** The other spellings of a loopback origin (`http://localhost:5173` -> `http://127.0.0.1:5173`, `http://[::1]:5173`); none for any other. */
export function loopbackSpellings(origin: string): string[] {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return [];
  }
  if (!LOOPBACK_HOSTS.includes(url.hostname) || url.origin !== origin) return [];
  const port = url.port ? `:${url.port}` : '';
  return LOOPBACK_HOSTS.filter((host) => host !== url.hostname).map((host) => `${url.protocol}//${host}${port}`);
}

/** The allowed origins as the start-up banner and the refusal log name them. */
export function describeAllowedOrigins(origins: Iterable<string>): string {
  const list = [...new Set(origins)];
  return list.length === 0 ? 'none (browsers cannot call it)' : list.join(', ');
}

function refusalLine(origin: string, allowed: string[]): string {
  // The origin is what the browser sent: printable, but bounded so a hostile page cannot fill the log.
  const shown = JSON.stringify(origin.length > 200 ? `${origin.slice(0, 200)}...` : origin);
  return (
    `[cognito] refused a browser request from origin ${shown}: it may not call the local Cognito endpoint. ` +
    `Allowed origins: ${describeAllowedOrigins(allowed)} (each loopback one also as localhost, 127.0.0.1 and [::1]). ` +
    'Open the page at an allowed origin, or add its origin to CORS_ALLOWED_ORIGINS and restart the stack.'
  );
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
