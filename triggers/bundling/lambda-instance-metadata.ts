/**
 * Stands in for the SDK's region lookup in the EC2 instance metadata service in the Lambda bundles (an esbuild
 * plugin: see infra/cdk/trigger-bundling.ts). Lambda has no instance metadata service and always sets AWS_REGION,
 * which the SDK reads first, so the lookup never ran there (and would only have failed). Run unbundled (tests, the
 * local stack), the triggers keep the SDK's lookup.
 */

/** Same name and result as the SDK's `getInstanceMetadataRegion` when there is no service: no region. */
export async function getInstanceMetadataRegion(): Promise<string | undefined> {
  return undefined;
}
