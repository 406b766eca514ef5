import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    try {
      return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim()) || undefined;
    } catch {
      return undefined;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Calls `onGone` once any of the nearest `levels` ancestors has exited. `npm start` runs
 * npm -> sh -> tsx -> this process, and `kill <npm pid>` (what scripts and process managers send) ends npm
 * without passing the signal on: without this watch the stack would keep running with its ports bound.
 */
export function watchAncestors(onGone: (pid: number) => void, levels = 3, intervalMs = 1_000): () => void {
  const ancestors: number[] = [];
  for (let pid = process.ppid; ancestors.length < levels && pid > 1; pid = parentOf(pid) ?? 0) ancestors.push(pid);
  const timer = setInterval(() => {
    const gone = process.ppid !== ancestors[0] ? ancestors[0] : ancestors.find((pid) => !isAlive(pid));
    if (gone === undefined) return;
    clearInterval(timer);
    onGone(gone);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
