// The local page server serves the page and nothing of .local/ or the rest of the repository, by any path form.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

const repo = resolve(import.meta.dirname, '../..');
// Inside the repository's .local/, where `npm start` keeps its data: what an attacker would aim at.
mkdirSync(join(repo, '.local'), { recursive: true });
const localDir = mkdtempSync(join(repo, '.local', 'page-server-secrets-'));
const dataDir = join(localDir, 'data');
const outside = mkdtempSync(join(tmpdir(), 'page-server-link-'));
const repoLink = join(outside, 'repo');
symlinkSync(repo, repoLink);

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({}, { web: true, dataDir });
  // Every file the data folder can hold: users, sign-ins and keys written by a real sign-in.
  const { email } = await t.createUser();
  await t.signIn(email);
  writeFileSync(join(localDir, 'stack.json'), JSON.stringify({ ...t.info, canary: `stack-canary-${Date.now()}` }));
});
afterAll(async () => {
  await t?.stop();
  rmSync(localDir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** Every string value of 16 characters or more in a JSON file: keys, hashes, addresses, ids. */
function secretValues(file: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && value.length >= 16) found.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')));
  return found;
}

/** Lines of a repository file long enough to identify it (a served copy would contain them). */
function markerLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 24)
    .slice(0, 3);
}

/** The request target exactly as written (no URL normalization), as a hand-made request would send it. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(t.info.webUrl);
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET', agent: false, timeout: 15_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolvePromise({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }));
      response.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer for ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

/** The ways to name a repository file `rel` (relative to the repository) in a request to a page rooted at web/. */
function pathForms(rel: string): string[] {
  const abs = join(repo, rel);
  const encoded = (path: string) => path.split('/').map(encodeURIComponent).join('/');
  const backslashed = rel.replaceAll('/', '\\');
  const fs = [
    `/@fs${abs}`,
    `/@fs/${abs}`,
    `/@fs${join(repo, 'web')}/../${rel}`,
    `/@fs${repo}/./${rel}`,
    `/@fs${repo}/web/%2e%2e/${rel}`,
    `/@fs${encoded(abs)}`,
    `/@fs${abs.replaceAll('/', '%2F')}`,
    `/@fs${join(repoLink, rel)}`,
    `/@fs${repoLink}/web/../${rel}`,
  ];
  const suffixes = ['', '?import', '?raw', '?url', '?inline', '?import&raw', '?raw??', '?import&?raw', '?url&raw', '?.wasm?init', '?worker', '#', '%00'];
  return [
    ...fs.flatMap((path) => suffixes.map((suffix) => `${path}${suffix}`)),
    `/${rel}`,
    `/${rel}?raw`,
    `/${rel}?import`,
    `/../${rel}`,
    `/../../${rel}`,
    `/src/../../${rel}`,
    `/src/client/../../../${rel}`,
    `/%2e%2e/${rel}`,
    `/%2E%2E/${rel}`,
    `/.%2e/${rel}`,
    `/%2e%2e%2f${encoded(rel)}`,
    `/src/%2e%2e/%2e%2e/${rel}`,
    `/%252e%252e/${rel}`,
    `/%252e%252e%252f${rel}`,
    `/..%2f${rel}`,
    `/..%5c${rel}`,
    `/..%255c${rel}`,
    `/..\\${backslashed}`,
    `/src\\..\\..\\${backslashed}`,
    `/%5c..%5c${backslashed}`,
    abs,
    `/${abs}`,
    `//${abs.slice(1)}`,
    `/@id/${abs}`,
    `/@id${abs}`,
    `/@id/__x00__${abs}`,
    `/@id${abs}?raw`,
    `/node_modules/../${rel}`,
    `/node_modules/../../${rel}`,
    `/node_modules/.vite/../../${rel}`,
    `/node_modules/.vite/deps/../../../${rel}`,
    `/@vite/../${rel}`,
    `${t.info.webUrl}/@fs${abs}`,
    `${t.info.webUrl}/../${rel}`,
  ];
}

describe('the local page server serves the page and nothing secret, by any path form', () => {
  it('the key files, users, sign-ins and stack file are never in an answer', async () => {
    const files = ['code-key.json', 'keys.json', 'users.json', 'sign-ins.json', 'clients.json'].map((name) => join(dataDir, name));
    files.push(join(localDir, 'stack.json'));
    for (const file of files.slice(0, 4)) expect(existsSync(file), `${file} was not written`).toBe(true);
    const present = files.filter((file) => existsSync(file));
    const secrets = present.flatMap(secretValues);
    // The hashing key and the token-signing key are among them: the test reads the real values.
    expect(secrets).toContain(JSON.parse(readFileSync(join(dataDir, 'code-key.json'), 'utf8')).local1);
    expect(secrets.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const file of present) {
      for (const path of pathForms(relative(repo, file))) {
        const { status, body } = await rawGet(path);
        const leaked = secrets.filter((secret) => body.includes(secret));
        if (leaked.length > 0 || ![400, 403, 404, 405].includes(status)) leaks.push(`${path} -> ${status}${leaked.length ? ' with a secret' : ''}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it('the repository outside the page (package.json, .git, sources, tests) is never in an answer', async () => {
    const repoFiles = ['package.json', 'tsconfig.json', '.git/config', 'infra/local/stack.ts', 'infra/local/code-key-file.ts', 'test/helpers/test-stack.ts'];
    // Every trigger source too: the page may share modules with them, but never serves their text.
    repoFiles.push(...readdirSync(join(repo, 'triggers')).filter((name) => name.endsWith('.ts')).map((name) => `triggers/${name}`));
    const leaks: string[] = [];
    for (const rel of repoFiles.filter((file) => existsSync(join(repo, file)))) {
      const markers = markerLines(join(repo, rel));
      expect(markers.length, rel).toBeGreaterThan(0);
      for (const path of pathForms(rel)) {
        const { status, body } = await rawGet(path);
        if (markers.some((line) => body.includes(line)) || ![400, 403, 404, 405].includes(status)) leaks.push(`${path} -> ${status}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it("the page's own files are served: the page, its assets and config.json", async () => {
    const page = await rawGet('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Sign in with an email code</title>');
    const assets = [...page.body.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect((await rawGet(asset)).status, asset).toBe(200);
    const config = await rawGet('/config.json');
    expect(config.status).toBe(200);
    expect(JSON.parse(config.body)).toMatchObject({ userPoolId: t.info.userPoolId, userPoolEndpoint: t.info.cognitoEndpoint });
  });
});
