/**
 * `tsx infra/cdk/bundle-trigger.ts <trigger name> <folder>`: one trigger bundled from the repository's source into
 * `<folder>/index.js`, as the package's prebuilt bundles are (infra/package/build.ts). The construct runs it in a
 * child process, as CDK's bundling, when it deploys from a checkout (trigger-bundle-from-source.ts).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { TRIGGER_NAMES } from './trigger-bundles.ts';
import { triggerBuildOptions } from './trigger-bundling.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** Writes `index.js` (and its source map) of trigger `name` into `outputDir`, marked CommonJS. */
export async function bundleTrigger(name: string, outputDir: string): Promise<void> {
  await build({
    ...triggerBuildOptions(projectRoot),
    entryPoints: [join(projectRoot, 'triggers', `${name}.ts`)],
    outfile: join(outputDir, 'index.js'),
    logLevel: 'warning',
  });
  // Node reads the bundle as CommonJS even if a package.json above it says "type": "module".
  writeFileSync(join(outputDir, 'package.json'), '{ "type": "commonjs" }\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [name, folder] = process.argv.slice(2);
  if (!name || !folder || !(TRIGGER_NAMES as readonly string[]).includes(name)) {
    console.error(`usage: tsx infra/cdk/bundle-trigger.ts <${TRIGGER_NAMES.join(' | ')}> <folder>`);
    process.exit(2);
  }
  await bundleTrigger(name, resolve(folder));
}
