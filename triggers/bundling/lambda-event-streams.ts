/**
 * Stands in for `@smithy/core/event-streams` in the Lambda bundles (an esbuild alias: see
 * infra/cdk/trigger-bundling.ts). The SDK's HTTP protocols load event-stream support with a dynamic import, so
 * esbuild bundles all of it (about 15 KB of each bundle), yet only streaming operations use it, and the triggers'
 * calls (DynamoDB GetItem and UpdateItem, SES SendEmail, Secrets Manager GetSecretValue) stream nothing. Should an
 * operation ever need it, the call fails with this error instead of running without it. Run unbundled (tests, the
 * local stack), the triggers keep the SDK's module.
 */

function unsupported(): never {
  throw new Error('Event streams are left out of the trigger bundles: none of their AWS calls streams events');
}

/** Same names as the two exports the SDK's protocols import. */
export class EventStreamSerde {
  constructor() {
    unsupported();
  }
}

export function eventStreamSerdeProvider(): never {
  unsupported();
}
