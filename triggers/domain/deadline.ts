// The invocation deadline: what one trigger invocation may spend on AWS calls inside Cognito's 5 seconds.
import { AsyncLocalStorage } from 'node:async_hooks';

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
