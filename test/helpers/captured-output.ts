// What the process writes to stdout and stderr while a piece of work runs: the triggers' audit lines, as Lambda would log them.
import { vi } from 'vitest';

/** Every line written while `run` runs, and what it returned or threw (rethrown after the capture ends). */
export async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const keep = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  try {
    return { result: await run(), lines };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The JSON lines written while `run` runs, parsed (a line that is not JSON is kept as `{ text }`). */
export async function auditLines<T>(run: () => Promise<T>): Promise<{ result: T; lines: Array<Record<string, unknown>> }> {
  const { result, lines } = await captureOutput(run);
  return {
    result,
    lines: lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return { text: line };
      }
    }),
  };
}
