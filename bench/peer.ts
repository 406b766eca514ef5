import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { BundleFigures } from './bundles.ts';

export interface PeerComparison {
  /** What the peer's triggers were bundled from, in words that mean something on any machine (see describePeer). */
  readonly source: string;
  readonly measuredAt: string;
  readonly bundles: readonly BundleFigures[];
  readonly comparison: ReadonlyArray<{
    readonly function: string;
    readonly bytes: number;
    readonly peerBytes: number;
    /** Ours divided by the peer's. */
    readonly bytesRatio: number;
    readonly coldImportMs: number;
    readonly peerColdImportMs: number;
    readonly coldImportRatio: number;
  }>;
}

/** The nearest package.json at or above `dir`, as `name@version`, and that package's folder. */
function owningPackage(dir: string): { id: string; root: string } | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, 'package.json');
    if (existsSync(file)) {
      const { name, version } = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (name) return { id: version ? `${name}@${version}` : name, root: at };
    }
    if (dirname(at) === at) return undefined;
  }
}

function gitCommit(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The peer's triggers folder (PEER_TRIGGERS) named without this machine's paths: its package's name and version,
 * the folder within that package, and the git commit when it is a clone, e.g.
 * `amazon-cognito-passwordless-auth@0.0.0, cdk/custom-auth at cb5d706`.
 */
export function describePeer(dir: string): string {
  const owner = owningPackage(dir);
  const within = owner ? relative(owner.root, dir) : '';
  const commit = gitCommit(dir);
  return [owner ? owner.id : basename(dir), within ? `, ${within}` : '', commit ? ` at ${commit}` : ''].join('');
}

const ratio = (ours: number, theirs: number) => Math.round((ours / theirs) * 100) / 100;

/** Our triggers next to a peer's, trigger by trigger: bundle bytes and median cold import, and their ratios. */
export function compareWithPeer(source: string, own: readonly BundleFigures[], peer: readonly BundleFigures[], measuredAt: string): PeerComparison {
  return {
    source,
    measuredAt,
    bundles: peer,
    comparison: own.map((ours) => {
      const theirs = peer.find((p) => p.function === ours.function)!;
      return {
        function: ours.function,
        bytes: ours.bytes,
        peerBytes: theirs.bytes,
        bytesRatio: ratio(ours.bytes, theirs.bytes),
        coldImportMs: ours.coldImportMs.median,
        peerColdImportMs: theirs.coldImportMs.median,
        coldImportRatio: ratio(ours.coldImportMs.median, theirs.coldImportMs.median),
      };
    }),
  };
}
