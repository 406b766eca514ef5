import type { BundleFigures } from './bundles.ts';

export interface PeerComparison {
  /** The directory the peer's triggers were bundled from, as given in PEER_TRIGGERS. */
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
