import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Time limits for every AWS call. Cognito gives a trigger 5 seconds in all; within them Create makes up to
 * three DynamoDB calls and one SES call. A DynamoDB call answers in milliseconds when healthy, so 700 ms and
 * one retry bound a stall at about 1.5 s; SES gets one 2.5 s try (a retried send could mail twice). The
 * invocation deadline below caps their sum, so a slow call fails the trigger instead of outliving it.
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

/** What an invocation may spend on AWS calls: Cognito's 5 s less a margin for the cold start and Cognito's own hop. */
export const INVOCATION_BUDGET_MS = 4_500;

const deadlines = new AsyncLocalStorage<number>();

/** Runs `work` with a deadline that every AWS call inside it respects. */
export function withDeadline<T>(budgetMs: number, work: () => Promise<T>): Promise<T> {
  return deadlines.run(Date.now() + budgetMs, work);
}

/** Time kept back from the SES call so that a failed send can still be cleaned up before the deadline. */
export const CLEANUP_RESERVE_MS = 700;

/** Send options for one AWS call: aborted when the invocation's deadline (less `reserveMs`) passes. */
export function callOptions(reserveMs = 0): { abortSignal?: AbortSignal } {
  const deadline = deadlines.getStore();
  if (deadline === undefined) return {};
  return { abortSignal: AbortSignal.timeout(Math.max(1, deadline - reserveMs - Date.now())) };
}

/** Milliseconds left before the deadline; Infinity outside one. */
export function timeLeft(): number {
  const deadline = deadlines.getStore();
  return deadline === undefined ? Infinity : deadline - Date.now();
}
