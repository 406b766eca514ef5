/**
 * `npm run build` (and `npm pack`, through prepack): the package's dist/.
 * - tsc: JavaScript (ESM) and .d.ts of each entry in tsconfig.build.json, under dist/ in the repository's layout;
 * - esbuild: the construct once more as CommonJS (dist/infra/cdk/index.cjs) for CommonJS CDK apps;
 * - esbuild: each trigger minified with its SDK clients into dist/lambda/<name>/index.js (+ source map),
 *   the bundles the installed construct deploys, so users need neither esbuild nor a lockfile.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { bundleTrigger } from '../cdk/bundle-trigger.ts';
import { TRIGGER_NAMES } from '../cdk/trigger-bundles.ts';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, 'dist');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
// tsc rewrites `./x.ts` to `./x.js` in JavaScript but not in declarations; do it there too, so any TypeScript reads them.
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.d.ts'))) {
  const path = join(dist, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/((?:from |import\()'\.{1,2}\/[^']+)\.ts'/g, "$1.js'"));
}

// A CommonJS twin of the construct entry; import.meta.url (which finds dist/lambda) comes from __filename.
await build({
  entryPoints: [resolve(root, 'infra/cdk/index.ts')],
  outfile: resolve(dist, 'infra/cdk/index.cjs'),
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
writeFileSync(resolve(dist, 'infra/cdk/index.d.cts'), "export * from './index.js';\n");

// The bundles the installed construct deploys, built as the construct builds them from source (and bench/bundles.ts measures).
await Promise.all(TRIGGER_NAMES.map((name) => bundleTrigger(name, resolve(dist, `lambda/${name}`))));

chmodSync(resolve(dist, 'infra/local/cli.js'), 0o755);
console.log(`Built ${dist}`);
