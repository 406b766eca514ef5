// The AWS SDK clients' time limits: every call has a timeout and bounded retries.

/**
 * Time limits for every AWS call. Cognito gives a trigger 5 seconds in all; within them Create makes one SES call
 * and several DynamoDB calls (up to three more for the email ceiling, and a read and a second claim after a bounce
 * or a refused fast path). A DynamoDB call answers in milliseconds when healthy, so 700 ms and
 * one retry bound a stall at about 1.5 s; SES gets one 2.5 s try (a retried send could mail twice). The
 * invocation deadline (domain/deadline.ts) caps their sum, so a slow call fails the trigger instead of outliving it.
 */
const LIMITS = {
  dynamodb: { connectionTimeout: 300, requestTimeout: 700, maxAttempts: 2 },
  ses: { connectionTimeout: 500, requestTimeout: 2_500, maxAttempts: 1 },
  secretsmanager: { connectionTimeout: 500, requestTimeout: 1_000, maxAttempts: 2 },
  // Post authentication's AdminUpdateUserAttributes: one call, after the sign-in already succeeded.
  cognito: { connectionTimeout: 500, requestTimeout: 2_000, maxAttempts: 2 },
} as const;

export type AwsService = keyof typeof LIMITS;

/** SDK client options with the service's time limits; endpoints come from the SDK's standard settings. */
export function awsClientOptions(service: AwsService) {
  const { connectionTimeout, requestTimeout, maxAttempts } = LIMITS[service];
  // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes.
  return { maxAttempts, requestHandler: { connectionTimeout, requestTimeout, throwOnRequestTimeout: true } };
}
