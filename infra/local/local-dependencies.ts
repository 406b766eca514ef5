/**
 * The packages only the local stack needs, optional peers of the package so that installing it for the construct
 * or the triggers does not bring them: a clear message, naming the install command, when they are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCAL_STACK_PACKAGES = ['dynalite', 'aws-ses-v2-local', 'jose'] as const;

/** Whether `name` is installed where Node.js looks from here (its package folder, whatever its exports allow). */
function isInstalled(name: string): boolean {
  const folders = createRequire(import.meta.url).resolve.paths(name) ?? [];
  return folders.some((folder) => existsSync(join(folder, name, 'package.json')));
}

/** This package's peer version ranges, from its package.json above this file (in the repository or in dist/). */
function peerRanges(): Record<string, string> {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; peerDependencies?: Record<string, string> };
    if (manifest.name === 'cognito-email-otp') return manifest.peerDependencies ?? {};
  }
  return {};
}

export class MissingLocalStackPackagesError extends Error {
  override readonly name = 'MissingLocalStackPackagesError';
}

/** Throws, naming the `npm install -D ...` command, when a package the local stack needs is not installed. */
export function assertLocalStackPackages(isPresent: (name: string) => boolean = isInstalled): void {
  const missing = LOCAL_STACK_PACKAGES.filter((name) => !isPresent(name));
  if (!missing.length) return;
  const ranges = peerRanges();
  const specs = missing.map((name) => (ranges[name] ? `"${name}@${ranges[name]}"` : name));
  throw new MissingLocalStackPackagesError(
    `The local stack needs ${missing.join(', ')}, not installed in this project (the package leaves them out for ` +
      `those who only deploy). Install them with:\n  npm install -D ${specs.join(' ')}`,
  );
}
