/** The trigger bundles of a repository checkout: built from source once per process, as the package builds its own. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TriggerName } from './trigger-bundles.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
let bundlesDir: string | undefined;

/**
 * The folder holding the bundle of `name` (`index.js`, handler `index.handler`) built from the repository's
 * source. The first call builds every trigger in one child process (esbuild's plugins need its asynchronous API;
 * a construct is built synchronously); CDK copies each folder into the cloud assembly, and the process removes
 * them when it exits.
 */
export function bundledFromSource(name: TriggerName): string {
  if (!bundlesDir) {
    const dir = mkdtempSync(join(tmpdir(), 'email-otp-triggers-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'infra/cdk/bundle-trigger.ts'), '--all', dir], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`Bundling the triggers from source failed: ${result.error?.message ?? result.stderr.trim()}`);
    bundlesDir = dir;
  }
  return join(bundlesDir, name);
}
