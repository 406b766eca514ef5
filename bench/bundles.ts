import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { triggerBuildOptions } from '../infra/cdk/trigger-bundling.ts';
import { summarize, type Summary } from './stats.ts';

export interface BundleFigures {
  readonly function: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly coldImportMs: Summary;
  /** Largest contributors to the minified bundle: npm package (or `own code`) and bytes. */
  readonly heaviest: ReadonlyArray<{ readonly from: string; readonly bytes: number }>;
}

export const TRIGGER_ENTRIES = ['define-auth-challenge', 'create-auth-challenge', 'verify-auth-challenge-response'] as const;

/** What a trigger needs in its environment to load (ours; a peer's read what they read). */
const COLD_ENV = {
  TABLE_NAME: 'bench',
  SES_FROM_ADDRESS: 'no-reply@example.com',
  CODE_KEY_SECRET_ID: 'bench-code-key',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1]! : 'own code';
}

function heaviest(metafile: Metafile, outfile: string, workingDir: string) {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(workingDir, path) === outfile)?.[1];
  const sizes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    sizes.set(packageOf(input), (sizes.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([from, bytes]) => ({ from, bytes }));
}

/** The three triggers of `dir`: `<entry>.ts` (ours and the peer's layout) or `<entry>.js`. */
function entryFile(dir: string, entry: string): string {
  for (const ext of ['ts', 'js', 'mjs']) if (existsSync(join(dir, `${entry}.${ext}`))) return join(dir, `${entry}.${ext}`);
  throw new Error(`${dir} has no ${entry}.ts or .js`);
}

/** Loads a bundle in a fresh Node process; milliseconds from before require to after. */
function coldImport(file: string): number {
  const child = spawnSync(
    process.execPath,
    ['-e', `const s=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-s)/1e6))`],
    { encoding: 'utf8', env: { PATH: process.env.PATH, ...COLD_ENV } },
  );
  if (child.status !== 0) throw new Error(`loading ${file} failed: ${child.stderr}`);
  return Number(child.stdout);
}

/**
 * Bundles each trigger of each set as the construct and the package do (infra/cdk/trigger-bundling.ts: esbuild,
 * CommonJS, node22, minified, source map, SDK bundled from its ES modules, the environment as the only credential
 * and configuration source), then loads every bundle `coldRuns` times in fresh Node processes, taking the bundles
 * in turn so that both sets see the same machine load.
 */
export async function measureBundles(root: string, sets: Record<string, string>, coldRuns: number): Promise<Record<string, BundleFigures[]>> {
  const out = mkdtempSync(join(tmpdir(), 'otp-bench-bundles-'));
  try {
    const built: Array<{ set: string; entry: string; file: string; heaviest: BundleFigures['heaviest']; samples: number[] }> = [];
    for (const [set, dir] of Object.entries(sets)) {
      for (const entry of TRIGGER_ENTRIES) {
        // Named as deployed (<trigger>/index.js), so the bytes include what Lambda gets, to the source map's name.
        const file = join(out, set, entry, 'index.js');
        // The peer gets the same options, less our substitution (it names a file of this project).
        const options = triggerBuildOptions(set === 'own' ? root : undefined);
        const result = await build({ ...options, entryPoints: [entryFile(dir, entry)], outfile: file, metafile: true });
        built.push({ set, entry, file, heaviest: heaviest(result.metafile, file, options.absWorkingDir ?? process.cwd()), samples: [] });
      }
    }
    for (let run = 0; run < coldRuns; run++) for (const bundle of built) bundle.samples.push(coldImport(bundle.file));
    const figures: Record<string, BundleFigures[]> = {};
    for (const bundle of built) {
      (figures[bundle.set] ??= []).push({
        function: bundle.entry,
        bytes: statSync(bundle.file).size,
        gzipBytes: gzipSync(readFileSync(bundle.file)).length,
        coldImportMs: summarize(bundle.samples),
        heaviest: bundle.heaviest,
      });
    }
    return figures;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
