// The local page server: the built sign-in page and /config.json on 127.0.0.1, with the hosted page's security headers.
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rolldown } from 'vite';
import { PAGE_CONFIG_PATH, pageConfigFile, type PageConfig } from '../../triggers/contracts/page-config.ts';
import { pageSecurityHeaders } from '../web-security-headers.ts';
import { closeServer, listen, type RunningServer } from './listen.ts';
import type { StackInfo } from './stack.ts';

const webRoot = fileURLToPath(new URL('../../web/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

interface PageFile {
  readonly body: Buffer;
  readonly type: string;
}

/** One build of the page, held in memory: its files by URL path, and the source files it was built from. */
interface PageBuild {
  readonly files: ReadonlyMap<string, PageFile>;
  readonly sources: ReadonlyMap<string, number>;
}

/**
 * Builds the page as `npm run build:web` does (the bundle CloudFront serves), into memory. Only the build's own
 * output can ever be served: no path is looked up on disk, so nothing of `.local/` or the repository can leak.
 */
async function buildPage(): Promise<PageBuild> {
  const { build } = await import('vite');
  const result = await build({
    root: webRoot,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    clearScreen: false,
    build: { write: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = new Map<string, PageFile>();
  const sources = new Map<string, number>([[join(webRoot, 'index.html'), 0]]);
  for (const item of outputs.flatMap((output) => output.output)) {
    const body = Buffer.from(item.type === 'chunk' ? item.code : item.source);
    files.set(`/${item.fileName}`, { body, type: CONTENT_TYPES[extname(item.fileName)] ?? 'application/octet-stream' });
    if (item.type === 'chunk') {
      for (const id of item.moduleIds) if (isAbsolute(id) && !id.includes(`${sep}node_modules${sep}`)) sources.set(id, 0);
    }
  }
  for (const source of sources.keys()) sources.set(source, modifiedAt(source));
  return { files, sources };
}

const modifiedAt = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const changedSince = (page: Pick<PageBuild, 'sources'>) => [...page.sources].some(([file, time]) => modifiedAt(file) !== time);

/**
 * Serves the sign-in page on 127.0.0.1, built at start and again when a reload finds its sources changed, and
 * `/config.json` with the stack's settings: the same runtime config file a deployed page reads from its bucket.
 * Every response carries the headers CloudFront adds to the hosted page (without HSTS: this is plain HTTP).
 */
export async function startWeb(port: number, stackInfo: () => StackInfo, portVariable?: string): Promise<RunningServer> {
  let page = await buildPage();
  let earlier: ReadonlyMap<string, PageFile> = new Map();
  let rebuilding: Promise<void> | undefined;
  let failed: { sources: PageBuild['sources'] } | undefined;

  /** A page loaded before a rebuild still finds its (hashed) assets; one build back is kept. */
  const fileAt = (path: string) => page.files.get(path) ?? earlier.get(path);

  async function freshPage(): Promise<void> {
    const stale = changedSince(failed ?? page);
    if (stale && !rebuilding) {
      rebuilding = buildPage()
        .then((next) => {
          earlier = page.files;
          page = next;
          failed = undefined;
        })
        .catch((error: unknown) => {
          // Tried again once a source changes again; meanwhile the page says where the error is.
          failed = { sources: new Map([...page.sources].map(([file]) => [file, modifiedAt(file)])) };
          console.error('[web] the sign-in page did not build:', error instanceof Error ? error.message : error);
        })
        .finally(() => {
          rebuilding = undefined;
        });
    }
    await rebuilding;
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void answer(request, response).catch((error: unknown) => {
      console.error('[web] internal error:', error);
      // Bare: the error may be that the stack's settings are not readable yet.
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error');
      else response.destroy();
    });
  });

  // Worked out once, at the first request: the stack's settings are fixed once it is up (and unreadable before).
  let securityHeaders: Record<string, string> | undefined;
  let config: string | undefined;
  const headers = () => (securityHeaders ??= pageSecurityHeaders({ apiOrigins: [new URL(stackInfo().cognitoEndpoint).origin], https: false }));

  function send(response: ServerResponse, status: number, type: string, body: Buffer | string, cache = 'no-store'): void {
    response.writeHead(status, { ...headers(), 'Content-Type': type, 'Cache-Control': cache });
    response.end(response.req.method === 'HEAD' ? undefined : body);
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    // The path exactly as sent, never decoded or resolved: it either names one of the page's files or nothing.
    const target = request.url ?? '';
    const path = target.startsWith('/') ? target.split('?')[0]! : '';
    if (path === PAGE_CONFIG_PATH) return send(response, 200, 'application/json', (config ??= configJson(stackInfo())));
    if (path === '/' || path === '/index.html') {
      await freshPage();
      if (failed) return send(response, 500, 'text/plain; charset=utf-8', 'The sign-in page did not build: the terminal running the local stack says why.');
    }
    const file = fileAt(path === '/' ? '/index.html' : path);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    send(response, 200, file.type, file.body, file.type.startsWith('text/html') ? 'no-store' : 'no-cache');
  }

  await listen(server, port, 'the web page', portVariable);
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { url: `http://127.0.0.1:${actual}`, port: actual, stop: () => closeServer(server) };
}

/** The page's runtime config (`config.json`) for the local stack: the pool, its client and the local endpoint. */
function configJson(info: StackInfo): string {
  return JSON.stringify(
    pageConfigFile({
      region: info.region,
      userPoolId: info.userPoolId,
      userPoolClientId: info.userPoolClientId,
      userPoolEndpoint: info.cognitoEndpoint,
      signInMode: info.signInMode as PageConfig['signInMode'],
      mailboxUrl: info.mailboxUrl,
    }),
  );
}
