import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function loadBrowserHelper(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', "await import('./test/helpers/browser.ts')"], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, CHROMIUM_PATH: '/nonexistent/chromium', ...env },
  });
}

describe('browser tests without Chromium', () => {
  it('are skipped with a clear message locally', () => {
    const run = loadBrowserHelper({});
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Chromium is not installed at /nonexistent/chromium: browser tests are skipped (apt-get install -y chromium).');
  });

  it('fail the run under CI=true', () => {
    const run = loadBrowserHelper({ CI: 'true' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Browser tests need Chromium at /nonexistent/chromium in CI');
  });
});
