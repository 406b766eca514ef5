import type { BuildOptions } from 'esbuild';

/**
 * How the construct has esbuild bundle the triggers, in one place: the construct's NodejsFunction bundling and
 * bench/bundles.ts (and the test that runs the bundles) take it from here, so what is measured is what deploys.
 * Importing it loads no CDK code.
 */
export const TRIGGER_BUNDLING = {
  target: 'node22',
  minify: true,
  sourceMap: true,
  /** Strings as UTF-8 rather than \u escapes: the emails' Japanese and Arabic take half the bytes. */
  charset: 'utf8',
  /** The SDK's ES modules first, so esbuild drops what the triggers never call. */
  mainFields: ['module', 'main'],
  /**
   * Import substitutions, resolved from the project root (esbuild's working directory in CDK's local and Docker
   * bundling alike): the SDK's default credential chain becomes the environment alone, as Lambda provides it, and
   * two SDK modules that the triggers' calls never run (event streams, the endpoint-discovery cache) become stubs
   * that fail clearly if anything ever uses them.
   */
  alias: {
    '@aws-sdk/credential-provider-node': './triggers/bundling/lambda-credentials.ts',
    '@smithy/core/event-streams': './triggers/bundling/lambda-event-streams.ts',
    '@aws-sdk/endpoint-cache': './triggers/bundling/lambda-endpoint-cache.ts',
  },
} as const;

/** The same bundling as esbuild API options (the bench, the test that runs the bundles); the alias needs the project root. */
export function triggerBuildOptions(projectRoot: string | undefined): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: TRIGGER_BUNDLING.target,
    minify: TRIGGER_BUNDLING.minify,
    sourcemap: TRIGGER_BUNDLING.sourceMap,
    charset: TRIGGER_BUNDLING.charset,
    mainFields: [...TRIGGER_BUNDLING.mainFields],
    ...(projectRoot ? { absWorkingDir: projectRoot, alias: { ...TRIGGER_BUNDLING.alias } } : {}),
    logLevel: 'silent',
  };
}
