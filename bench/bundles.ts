import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { summarize, type Summary } from './stats.ts';

export interface BundleFigures {
  readonly function: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly coldImportMs: Summary;
}

const ENTRIES = ['define-auth-challenge', 'create-auth-challenge', 'verify-auth-challenge-response'];

/**
 * Bundles each trigger as the CDK construct does (esbuild, CommonJS, node22, minified, source map, SDK
 * bundled) and measures the bundle and how long a fresh Node process takes to load it.
 */
export async function measureBundles(root: string, coldRuns: number): Promise<BundleFigures[]> {
  const out = mkdtempSync(join(tmpdir(), 'otp-bench-bundles-'));
  try {
    const figures: BundleFigures[] = [];
    for (const entry of ENTRIES) {
      const file = join(out, `${entry}.cjs`);
      await build({
        entryPoints: [join(root, 'triggers', `${entry}.ts`)],
        outfile: file,
        bundle: true,
        platform: 'node',
        target: 'node22',
        format: 'cjs',
        minify: true,
        sourcemap: true,
        logLevel: 'silent',
      });
      const code = readFileSync(file);
      const samples: number[] = [];
      for (let run = 0; run < coldRuns; run++) {
        const child = spawnSync(
          process.execPath,
          ['-e', `const s=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-s)/1e6))`],
          {
            encoding: 'utf8',
            env: {
              PATH: process.env.PATH,
              TABLE_NAME: 'bench',
              SES_FROM_ADDRESS: 'no-reply@example.com',
              CODE_KEY_SECRET_ID: 'bench-code-key',
              AWS_REGION: 'us-east-1',
              POWERTOOLS_LOG_LEVEL: 'SILENT',
            },
          },
        );
        if (child.status !== 0) throw new Error(`loading ${entry} failed: ${child.stderr}`);
        samples.push(Number(child.stdout));
      }
      figures.push({ function: entry, bytes: statSync(file).size, gzipBytes: gzipSync(code).length, coldImportMs: summarize(samples) });
    }
    return figures;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
