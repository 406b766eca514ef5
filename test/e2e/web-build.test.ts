import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const outDir = mkdtempSync(join(tmpdir(), 'web-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('npm run build:web makes the static bundle the CDK app hosts', () => {
  it('writes index.html and hashed assets with no local endpoint baked in', async () => {
    await build({ root: resolve(import.meta.dirname, '../../web'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
    const assets = readdirSync(join(outDir, 'assets'));
    const script = assets.find((name) => name.endsWith('.js'));
    expect(script).toBeDefined();
    const code = readFileSync(join(outDir, 'assets', script!), 'utf8');
    expect(code).toContain('/config.json');
    expect(code).not.toMatch(/127\.0\.0\.1|localhost:9229/);
    expect(existsSync(join(outDir, 'config.json'))).toBe(false);
  }, 120_000);
});
