/**
 * Stands in for the SDK's reader of the shared config and credentials files (`~/.aws/config`, `~/.aws/credentials`)
 * in the Lambda bundles (an esbuild plugin: see infra/cdk/trigger-bundling.ts). A function's settings come from
 * its environment; it has no such files, so the reader only ever failed to open them, on the first call of each
 * container. This one finds no files, without looking. Run unbundled (tests, the local stack), the triggers keep
 * the SDK's reader.
 */

/** Same name and result shape as the SDK's `loadSharedConfigFiles`: no profiles in either file. */
export async function loadSharedConfigFiles(_init?: unknown): Promise<{ configFile: Record<string, never>; credentialsFile: Record<string, never> }> {
  return { configFile: {}, credentialsFile: {} };
}
