/** A trigger bundle of a repository checkout, built from source in a child process, as the package builds its own. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TriggerName } from './trigger-bundles.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

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
 * Builds trigger `name` into `outputDir` (`index.js`, its source map, a CommonJS marker) in a child process:
 * esbuild's plugins need its asynchronous API, and CDK bundles synchronously.
 */
export function bundleFromSource(name: TriggerName, outputDir: string): void {
  const result = spawnSync(process.execPath, ['--import', tsxLoader(), join(projectRoot, 'infra/cdk/bundle-trigger.ts'), name, outputDir], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const reason = result.error?.message ?? (result.stderr.trim() || `ended by ${result.signal ?? `exit code ${result.status}`}`);
    throw new Error(`Bundling the ${name} trigger from source failed: ${reason}`);
  }
  // esbuild's warnings, shown as `npm run build` shows them rather than lost with the child's output.
  if (result.stderr) process.stderr.write(result.stderr);
}
