/**
 * A rate with a burst, kept as one number per user (the generic cell rate algorithm): after `burst`
 * quick events, one more every `intervalMs`. Over any period P it admits at most burst + P / intervalMs.
 */
export interface Rate {
  readonly intervalMs: number;
  readonly burst: number;
}

export type Admission = { readonly ok: true; readonly tat: number } | { readonly ok: false; readonly retryAfterMs: number };

/** Whether one more event fits at `now`, given the stored theoretical arrival time `tat`. */
export function admit(tat: number, now: number, rate: Rate): Admission {
  const from = Math.max(tat, now);
  const tolerance = (rate.burst - 1) * rate.intervalMs;
  if (from - now <= tolerance) return { ok: true, tat: from + rate.intervalMs };
  return { ok: false, retryAfterMs: from - tolerance - now };
}

export const toSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
