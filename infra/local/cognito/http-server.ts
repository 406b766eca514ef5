import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CognitoServiceError } from './errors.ts';
import type { LocalUserPool } from './user-pool.ts';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const MAX_BODY_BYTES = 1 << 20;
const CONTENT_TYPE = 'application/x-amz-json-1.1';

function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': request.headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers':
      request.headers['access-control-request-headers'] ??
      'content-type, x-amz-target, x-amz-user-agent, cache-control, authorization, x-amz-date, amz-sdk-invocation-id, amz-sdk-request',
    'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new CognitoServiceError('SerializationException', 'Request body is too large.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  response.writeHead(status, { 'Content-Type': CONTENT_TYPE, 'x-amzn-RequestId': randomUUID(), ...headers });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, headers: Record<string, string>, error: CognitoServiceError): void {
  send(
    response,
    error.status,
    {
      ...headers,
      'x-amzn-ErrorType': `${error.type}:`,
      // Header values must be Latin-1; Cognito's messages are ASCII.
      'x-amzn-ErrorMessage': error.message.replace(/[^\x20-\x7e]/g, '?'),
    },
    { __type: error.type, message: error.message },
  );
}

/**
 * The user-pool JSON protocol over HTTP: `POST /` with `X-Amz-Target`, CORS for browsers, Cognito's error
 * bodies, and the JWKS at `/<userPoolId>/.well-known/jwks.json`.
 */
export function createCognitoHttpServer(pool: LocalUserPool, onInternalError: (error: unknown) => void): Server {
  const jwksPath = `/${pool.userPoolId}/.well-known/jwks.json`;
  const openIdPath = `/${pool.userPoolId}/.well-known/openid-configuration`;

  return createServer(async (request, response) => {
    const cors = corsHeaders(request);
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      response.end();
      return;
    }
    if (request.method === 'GET') {
      if (path === jwksPath) return send(response, 200, { ...cors, 'Content-Type': 'application/json' }, pool.tokens.jwks());
      if (path === openIdPath) {
        return send(response, 200, { ...cors, 'Content-Type': 'application/json' }, {
          issuer: pool.issuer,
          jwks_uri: `${pool.issuer}/.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (path === '/health') return send(response, 200, { ...cors, 'Content-Type': 'application/json' }, { ok: true });
      return sendError(response, cors, new CognitoServiceError('ResourceNotFoundException', `Nothing at ${path}.`));
    }
    try {
      if (request.method !== 'POST') throw new CognitoServiceError('UnknownOperationException', `Method ${request.method} is not supported.`);
      const target = request.headers['x-amz-target'];
      const name = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
      const operation = Object.hasOwn(pool.operations, name) ? pool.operations[name] : undefined;
      const text = await readBody(request);
      if (!operation) throw new CognitoServiceError('UnknownOperationException', `Unknown operation ${name || String(target)}.`);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        throw new CognitoServiceError('SerializationException', 'The request body is not valid JSON.');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new CognitoServiceError('SerializationException', 'The request body must be a JSON object.');
      }
      send(response, 200, cors, await operation(body as Record<string, unknown>));
    } catch (error) {
      if (error instanceof CognitoServiceError) return sendError(response, cors, error);
      onInternalError(error);
      sendError(response, cors, new CognitoServiceError('InternalErrorException', 'An internal error occurred.', 500));
    }
  });
}
