// The local endpoint's CORS: a loopback origin under each of its names, and a refused origin logged with the allowed list.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

let t: TestStack;
const warnings: string[] = [];
beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
  // As a developer sets it for their own Vite app, with the name Vite prints.
  t = await startTestStack({}, { corsOrigins: ['http://localhost:5173'] });
});
afterAll(async () => {
  await t?.stop();
  vi.restoreAllMocks();
});

const preflight = (origin: string) =>
  fetch(t.info.cognitoEndpoint, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-amz-target' },
  });

const refusals = () => warnings.filter((line) => line.startsWith('[cognito] refused a browser request'));

describe('browser origins at the local Cognito endpoint', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:5173', 'http://[::1]:5173'])(
    'the allowed page is allowed under each name of the loopback interface (%s)',
    async (origin) => {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    },
  );

  it.each(['http://127.0.0.1:5174', 'https://localhost:5173', 'http://localhost.evil.example:5173', 'http://192.168.1.5:5173'])(
    'another port, scheme or host is still refused (%s)',
    async (origin) => {
      const response = await preflight(origin);
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  it('a refused origin is logged once, with the allowed origins and what to do', async () => {
    const origin = 'http://127.0.0.1:3000';
    expect((await preflight(origin)).status).toBe(403);
    expect((await preflight(origin)).status).toBe(403);
    const lines = refusals().filter((line) => line.includes(`"${origin}"`));
    expect(lines).toEqual([
      `[cognito] refused a browser request from origin "${origin}": it may not call the local Cognito endpoint. ` +
        'Allowed origins: http://localhost:5173 (each loopback one also as localhost, 127.0.0.1 and [::1]). ' +
        'Open the page at an allowed origin, or add its origin to CORS_ALLOWED_ORIGINS and restart the stack.',
    ]);
  });

  it('an allowed origin is never logged', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://[::1]:5173']) {
      expect((await preflight(origin)).status).toBe(204);
      expect(refusals().filter((line) => line.includes(`"${origin}"`))).toEqual([]);
    }
  });
});
