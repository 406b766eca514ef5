import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CorsPolicy } from './cors.ts';
import { CognitoServiceError } from './errors.ts';
import { checkRequest } from './request-shapes.ts';
import { checkSigV4 } from './sigv4-header.ts';
import type { LocalUserPool } from './user-pool.ts';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** Bodies larger than this are refused; what follows is read and dropped so the client gets the answer. */
export const MAX_BODY_BYTES = 1 << 20;
/** Past this much, a client that keeps sending is cut off. */
const MAX_DRAIN_BYTES = 64 << 20;
/** Operations besides Admin* that AWS authorizes with IAM (SigV4) rather than a token or nothing. */
const IAM_OPERATIONS: ReadonlySet<string> = new Set(['CreateUserPoolClient', 'DescribeUserPoolClient']);
/** x-amzn-ErrorMessage stays well inside clients' header limits. */
const MAX_ERROR_HEADER_CHARS = 512;

export interface CognitoHttpOptions {
  /** Browser origins that may call the endpoint (the sign-in page's, and any configured). */
  readonly allowedOrigins: () => ReadonlySet<string>;
  readonly onInternalError: (error: unknown) => void;
}

type Body = { kind: 'ok'; text: string } | { kind: 'too-large' };

function readBody(request: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        request.destroy();
        reject(new Error('request body beyond the drain limit'));
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'Content-Type': CONTENT_TYPE, 'x-amzn-RequestId': randomUUID(), ...headers });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, headers: Record<string, string>, error: CognitoServiceError): void {
  // Header values must be Latin-1; Cognito's messages are ASCII.
  const headerMessage = error.message.replace(/[^\x20-\x7e]/g, '?').slice(0, MAX_ERROR_HEADER_CHARS);
  send(
    response,
    error.status,
    { ...headers, 'x-amzn-ErrorType': `${error.type}:`, 'x-amzn-ErrorMessage': headerMessage },
    { __type: error.type, message: error.message },
  );
}

function parseJsonObject(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new CognitoServiceError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CognitoServiceError('SerializationException', 'Start of list found where not expected');
  }
  return body as Record<string, unknown>;
}

/**
 * The user-pool JSON protocol over HTTP: `POST /` with `X-Amz-Target`, CORS for the allowed browser
 * origins, SigV4 for Admin* and the app-client operations, request shapes checked before any operation runs, Cognito's error
 * bodies, and the JWKS at `/<userPoolId>/.well-known/jwks.json`. Every failure is a 4xx with `__type`.
 */
export function createCognitoHttpServer(pool: LocalUserPool, options: CognitoHttpOptions): Server {
  const jwksPath = `/${pool.userPoolId}/.well-known/jwks.json`;
  const openIdPath = `/${pool.userPoolId}/.well-known/openid-configuration`;
  const cors = new CorsPolicy(options.allowedOrigins);

  async function handle(request: IncomingMessage, response: ServerResponse, headers: Record<string, string>): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET') {
      const json = { ...headers, 'Content-Type': 'application/json' };
      if (path === jwksPath) return send(response, 200, json, pool.tokens.jwks());
      if (path === openIdPath) {
        return send(response, 200, json, {
          issuer: pool.issuer,
          jwks_uri: `${pool.issuer}/.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (path === '/health') return send(response, 200, json, { ok: true });
      throw new CognitoServiceError('ResourceNotFoundException', 'No such resource.', 404);
    }
    const body = await readBody(request);
    if (request.method !== 'POST') throw new CognitoServiceError('UnknownOperationException', 'Only POST is supported.');
    const target = request.headers['x-amz-target'];
    const name = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const operation = Object.hasOwn(pool.operations, name) ? pool.operations[name] : undefined;
    if (!operation) throw new CognitoServiceError('UnknownOperationException', 'The operation in X-Amz-Target is not supported.');
    if (name.startsWith('Admin') || IAM_OPERATIONS.has(name)) checkSigV4(request.headers, pool.region);
    if (body.kind === 'too-large') {
      throw new CognitoServiceError('RequestEntityTooLargeException', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, 413);
    }
    const parsed = checkRequest(name, parseJsonObject(body.text));
    send(response, 200, headers, await operation(parsed));
  }

  return createServer((request, response) => {
    const headers = cors.headers(request);
    if (!cors.allows(request)) {
      request.resume();
      return sendError(response, headers, new CognitoServiceError('AccessDeniedException', 'This origin may not call the local Cognito endpoint (see CORS_ALLOWED_ORIGINS).', 403));
    }
    if (request.method === 'OPTIONS') {
      request.resume();
      response.writeHead(204, headers);
      response.end();
      return;
    }
    handle(request, response, headers).catch((error: unknown) => {
      if (error instanceof CognitoServiceError) return sendError(response, headers, error);
      if (request.destroyed) return;
      options.onInternalError(error);
      sendError(response, headers, new CognitoServiceError('InternalErrorException', 'An internal error occurred.', 500));
    });
  });
}
