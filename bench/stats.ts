export interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly p99: number;
}

/** Median and 99th percentile (nearest rank), rounded to 0.01. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { runs: 0, median: Number.NaN, p99: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { runs: sorted.length, median: round(rank(0.5)), p99: round(rank(0.99)) };
}

/** Runs `fn` `runs` times one after another, returning each duration in milliseconds. */
export async function timeEach(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}
