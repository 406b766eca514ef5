// The construct's trigger bundles in a checkout: built wherever the app runs from, removed at exit, and a clear error without the devDependencies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const work = mkdtempSync(join(tmpdir(), 'bundle-from-source-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `source` (an ES module) with tsx in `cwd`, as a CDK app's process would. */
function runScript(cwd: string, source: string) {
  const script = join(cwd, `script-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(script, source);
  return spawnSync(tsx, [script], { cwd, encoding: 'utf8', timeout: 120_000 });
}

describe('bundling the triggers from source', () => {
  it('works from another working directory, writes deployable folders and removes them when the process ends', () => {
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    const module = join(root, 'infra/cdk/trigger-bundle-from-source.ts');
    const result = runScript(
      elsewhere,
      `import { readFileSync } from 'node:fs';
import { bundledFromSource } from ${JSON.stringify(module)};
const dir = bundledFromSource('verify-auth-challenge-response');
console.log(JSON.stringify({ dir, marker: readFileSync(dir + '/package.json', 'utf8'), code: readFileSync(dir + '/index.js', 'utf8').length }));`,
    );
    expect(result.status, result.stderr).toBe(0);
    const { dir, marker, code } = JSON.parse(result.stdout.trim()) as { dir: string; marker: string; code: number };
    expect(JSON.parse(marker)).toEqual({ type: 'commonjs' });
    expect(code).toBeGreaterThan(1000);
    expect(existsSync(join(dir, '..'))).toBe(false);
  });

  it("says to install the checkout's devDependencies when tsx or esbuild cannot be found", () => {
    // The module alone, in a folder with no node_modules above it.
    const bare = join(work, 'bare');
    mkdirSync(join(bare, 'infra/cdk'), { recursive: true });
    copyFileSync(join(root, 'infra/cdk/trigger-bundle-from-source.ts'), join(bare, 'infra/cdk/trigger-bundle-from-source.ts'));
    writeFileSync(join(bare, 'infra/cdk/trigger-bundles.ts'), 'export type TriggerName = string;\n');
    const result = runScript(
      bare,
      `import { bundledFromSource } from './infra/cdk/trigger-bundle-from-source.ts';
try { bundledFromSource('define-auth-challenge'); } catch (error) { console.log((error as Error).message); }`,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(`Bundling the triggers from source needs this checkout's devDependencies (tsx, esbuild): run \`npm ci\` in ${bare}/`);
  });
});
