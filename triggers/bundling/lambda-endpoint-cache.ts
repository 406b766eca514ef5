/**
 * Stands in for `@aws-sdk/endpoint-cache` in the Lambda bundles (an esbuild alias: see
 * infra/cdk/trigger-bundling.ts). The DynamoDB client still builds a cache for endpoint discovery (an LRU cache from
 * `mnemonist`, about 7 KB of each bundle), but none of its commands discovers endpoints any more: no middleware
 * reads or writes the cache. This one is always empty, and refuses to store an endpoint. Run
 * unbundled (tests, the local stack), the triggers keep the SDK's module.
 */

function unused(): never {
  throw new Error('Endpoint discovery is left out of the trigger bundles: none of their DynamoDB calls uses it');
}

/** Same name, constructor and methods as the SDK's EndpointCache. */
export class EndpointCache {
  constructor(_capacity: number) {}
  getEndpoint(_key: string): string | undefined {
    return undefined;
  }
  get(_key: string): undefined {
    return undefined;
  }
  set(_key: string, _endpoints: unknown): never {
    unused();
  }
  delete(_key: string): void {}
  has(_key: string): boolean {
    return false;
  }
  clear(): void {}
}
