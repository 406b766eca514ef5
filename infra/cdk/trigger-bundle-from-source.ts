/** The trigger bundles of a repository checkout: built from source once per process, as the package builds its own. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TriggerName } from './trigger-bundles.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
let bundlesDir: string | undefined;

/** tsx's loader, from this checkout (wherever the app runs): it and esbuild are devDependencies, absent after `npm ci --omit=dev`. */
function tsxLoader(): string {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('esbuild');
    return pathToFileURL(require.resolve('tsx')).href;
  } catch {
    throw new Error(`Bundling the triggers from source needs this checkout's devDependencies (tsx, esbuild): run \`npm ci\` in ${projectRoot}`);
  }
}

/**
 * The folder holding the bundle of `name` (`index.js`, handler `index.handler`) built from the repository's
 * source. The first call builds every trigger in one child process (esbuild's plugins need its asynchronous API;
 * a construct is built synchronously); CDK copies each folder into the cloud assembly, and the process removes
 * them when it exits.
 */
export function bundledFromSource(name: TriggerName): string {
  if (!bundlesDir) {
    const loader = tsxLoader();
    const dir = mkdtempSync(join(tmpdir(), 'email-otp-triggers-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const result = spawnSync(process.execPath, ['--import', loader, join(projectRoot, 'infra/cdk/bundle-trigger.ts'), '--all', dir], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      const reason = result.error?.message ?? (result.stderr.trim() || `ended by ${result.signal ?? `exit code ${result.status}`}`);
      throw new Error(`Bundling the triggers from source failed: ${reason}`);
    }
    // esbuild's warnings, shown as `npm run build` shows them rather than lost with the child's output.
    if (result.stderr) process.stderr.write(result.stderr);
    bundlesDir = dir;
  }
  return join(bundlesDir, name);
}
