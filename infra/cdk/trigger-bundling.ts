/**
 * How the triggers are bundled, in one place: the construct (bundling from source in the repository), the
 * package's prebuilt bundles, bench/bundles.ts and the test that runs the bundles all build with
 * `triggerBuildOptions`, so what is measured is what deploys. Importing it loads no CDK code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * Import substitutions, resolved from the project root: the SDK's default credential chain becomes the
 * environment alone, as Lambda provides it, and two SDK modules that the triggers' calls never run (event
 * streams, the endpoint-discovery cache) become stubs that fail clearly if anything ever uses them.
 */
const LAMBDA_ALIASES = {
  '@aws-sdk/credential-provider-node': './triggers/bundling/lambda-credentials.ts',
  '@smithy/core/event-streams': './triggers/bundling/lambda-event-streams.ts',
  '@aws-sdk/endpoint-cache': './triggers/bundling/lambda-endpoint-cache.ts',
};

/** An SDK client's package.json, which its runtime config imports whole for one field: the version in its user agent. */
const SDK_CLIENT_PACKAGE_JSON = /[\\/]node_modules[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]package\.json$/;

/**
 * Bundles only `version` of each SDK client's package.json (about 2.3 KB less per client: its scripts, files and
 * dependency lists); the client reads nothing else of it.
 */
const sdkClientVersionOnly: Plugin = {
  name: 'sdk-client-version-only',
  setup(build) {
    build.onLoad({ filter: SDK_CLIENT_PACKAGE_JSON }, ({ path }) => {
      const { version } = JSON.parse(readFileSync(path, 'utf8')) as { version: string };
      return { contents: JSON.stringify({ version }), loader: 'json' };
    });
  },
};

/**
 * Two SDK modules that read what a Lambda function does not have, replaced where the SDK's settings are resolved:
 * the shared config files (a function's settings are its environment) and the instance metadata service's region
 * (AWS_REGION is always set). @smithy/core imports each by a relative path, out of an alias's reach.
 */
const LAMBDA_ENVIRONMENT_STUBS = [
  { module: 'loadSharedConfigFiles', importedFrom: 'node-config-provider', stub: 'triggers/bundling/lambda-config-files.ts' },
  { module: 'getInstanceMetadataRegion', importedFrom: '(config-resolver|defaults-mode)', stub: 'triggers/bundling/lambda-instance-metadata.ts' },
] as const;

function lambdaEnvironmentOnly(projectRoot: string): Plugin {
  return {
    name: 'lambda-environment-only',
    setup(build) {
      for (const { module, importedFrom, stub } of LAMBDA_ENVIRONMENT_STUBS) {
        const importer = new RegExp(`[\\\\/]node_modules[\\\\/]@smithy[\\\\/]core[\\\\/].*[\\\\/]${importedFrom}[\\\\/]`);
        build.onResolve({ filter: new RegExp(`/${module}$`) }, (args) => (importer.test(args.importer) ? { path: join(projectRoot, stub) } : undefined));
      }
    },
  };
}

/**
 * The bundling as esbuild options (the API only: plugins need it). The aliases and stubs need the project root;
 * without one (another product's triggers, in the bench) the rest applies alike.
 */
export function triggerBuildOptions(projectRoot: string | undefined): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    sourcemap: true,
    // Strings as UTF-8 rather than \u escapes: the emails' Japanese and Arabic take half the bytes.
    charset: 'utf8',
    // The SDK's ES modules first, so esbuild drops what the triggers never call.
    mainFields: ['module', 'main'],
    plugins: [sdkClientVersionOnly, ...(projectRoot ? [lambdaEnvironmentOnly(projectRoot)] : [])],
    ...(projectRoot ? { absWorkingDir: projectRoot, alias: { ...LAMBDA_ALIASES } } : {}),
    logLevel: 'silent',
  };
}
