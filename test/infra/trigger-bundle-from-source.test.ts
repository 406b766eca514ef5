// The construct's trigger bundles in a checkout: built wherever the app runs from, into the folder CDK gives, and a clear error without the devDependencies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  it('works from another working directory and writes a deployable folder where CDK asks', () => {
    const elsewhere = join(work, 'elsewhere');
    const output = join(work, 'asset-output');
    mkdirSync(elsewhere);
    mkdirSync(output);
    const module = join(root, 'infra/cdk/trigger-bundle-from-source.ts');
    const result = runScript(
      elsewhere,
      `import { bundleFromSource } from ${JSON.stringify(module)};
bundleFromSource('verify-auth-challenge-response', ${JSON.stringify(output)});`,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(output, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    expect(readFileSync(join(output, 'index.js'), 'utf8').length).toBeGreaterThan(1000);
    expect(existsSync(join(output, 'index.js.map'))).toBe(true);
  });

  it("says to install the checkout's devDependencies when tsx or esbuild cannot be found", () => {
    // The module alone, in a folder with no node_modules above it.
    const bare = join(work, 'bare');
    mkdirSync(join(bare, 'infra/cdk'), { recursive: true });
    copyFileSync(join(root, 'infra/cdk/trigger-bundle-from-source.ts'), join(bare, 'infra/cdk/trigger-bundle-from-source.ts'));
    writeFileSync(join(bare, 'infra/cdk/trigger-bundles.ts'), 'export type TriggerName = string;\n');
    const result = runScript(
      bare,
      `import { bundleFromSource } from './infra/cdk/trigger-bundle-from-source.ts';
try { bundleFromSource('define-auth-challenge', '.'); } catch (error) { console.log((error as Error).message); }`,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(`Bundling the triggers from source needs this checkout's devDependencies (tsx, esbuild): run \`npm ci\` in ${bare}/`);
  });
});
