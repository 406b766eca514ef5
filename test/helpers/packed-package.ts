import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const packDir = resolve(root, 'test-results/package');

/**
 * The package as users get it: `npm pack` (its prepack builds dist/) once per vitest run, shared by the
 * packaging test files through a lock folder. Returns the tarball's path.
 */
export async function packedTarball(): Promise<string> {
  const runId = inject('packageRunId');
  const marker = join(packDir, 'run-id');
  const lock = join(packDir, '.lock');
  mkdirSync(packDir, { recursive: true });
  for (;;) {
    if (existsSync(marker) && readFileSync(marker, 'utf8') === runId) {
      const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
      if (tarball) return join(packDir, tarball);
    }
    try {
      mkdirSync(lock);
    } catch {
      // A lock left by a run that was killed while packing is taken over after 10 minutes.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      for (const name of readdirSync(packDir)) if (name.endsWith('.tgz')) rmSync(join(packDir, name));
      run('npm', ['pack', '--pack-destination', packDir], { cwd: root });
      writeFileSync(marker, runId);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** A child process's environment without the npm_* variables of the `npm test` that runs us. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  return { ...env, CDK_DISABLE_VERSION_CHECK: 'true', ...extra };
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env: cleanEnv(), timeout: 600_000, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return String(result.stdout);
}

/** A fresh temporary folder, outside this repository. */
export function tempProject(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** One `npm install` in `dir`, from the npm cache where it can. */
export function npmInstall(dir: string): void {
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
}

/** The version this repository pins of a dependency, so the temporary projects install what the npm cache holds. */
export function pinnedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry) throw new Error(`${name} is not in package-lock.json`);
  return entry.version;
}

/** The documentation pages snippets may live in: the README and every page under docs/. */
export function documentationPages(): string[] {
  const docs = resolve(root, 'docs');
  const pages = existsSync(docs) ? readdirSync(docs).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`) : [];
  return ['README.md', ...pages.sort()];
}

/**
 * The packages only the local stack needs (optional peers of the package), at the versions this repository pins:
 * a project that runs `npx cognito-email-otp local` or imports `cognito-email-otp/local` installs them itself.
 */
export function localStackPackages(): Record<string, string> {
  return Object.fromEntries(['dynalite', 'aws-ses-v2-local', 'jose'].map((name) => [name, pinnedVersion(name)]));
}

/** The code block after `<!-- snippet: name ... -->`, in README.md or a docs/*.md page; each name appears once. */
export function readmeSnippet(name: string): string {
  const pattern = new RegExp(`<!-- snippet: ${name}[ (][^\\n]*-->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``, 'g');
  const found = documentationPages().flatMap((page) =>
    [...readFileSync(resolve(root, page), 'utf8').matchAll(pattern)].map((match) => ({ page, code: match[1] })),
  );
  if (found.length === 0) throw new Error(`No snippet ${name} in ${documentationPages().join(', ')}`);
  if (found.length > 1) throw new Error(`Snippet ${name} appears ${found.length} times (${found.map((f) => f.page).join(', ')}): keep one`);
  return `${found[0]!.code}\n`;
}

/** The repository's aws-cdk CLI version, which the `cdk init` template pins too. */
export const repoCdk = resolve(root, 'node_modules/aws-cdk/bin/cdk');

