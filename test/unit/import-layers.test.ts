import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { relative, join } from 'node:path';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * The layering DESIGN.md asks for, checked with dependency-cruiser over the source as it is: imports point down,
 * none forms a cycle, and the browser client pulls in nothing of the triggers but their pure wire contracts.
 */
const RULES: IForbiddenRuleType[] = [
  // A cycle through type-only imports vanishes when compiled; one through a value import is what breaks module loading.
  { name: 'no-cycle', severity: 'error', from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
  { name: 'triggers-import-nothing-above', severity: 'error', from: { path: '^triggers/' }, to: { path: '^(infra|web|test|bench)/' } },
  // Inside triggers/: entry points (top level) -> composition -> handlers and AWS adapters -> domain -> contracts.
  { name: 'domain-imports-no-adapter', severity: 'error', from: { path: '^triggers/domain/' }, to: { path: '^triggers/(aws|composition|handlers|bundling)/|^triggers/[^/]+\\.ts$', dependencyTypesNot: ['type-only'] } },
  { name: 'handlers-get-adapters-injected', severity: 'error', from: { path: '^triggers/handlers/' }, to: { path: '^triggers/(aws|composition|bundling)/', dependencyTypesNot: ['type-only'] } },
  { name: 'adapters-do-not-compose', severity: 'error', from: { path: '^triggers/aws/' }, to: { path: '^triggers/(composition|handlers)/|^triggers/[^/]+\\.ts$' } },
  { name: 'contracts-are-pure', severity: 'error', from: { path: '^triggers/contracts/' }, to: { pathNot: '^triggers/contracts/', dependencyTypesNot: ['type-only'] } },
  { name: 'client-imports-only-contracts', severity: 'error', from: { path: '^web/client/' }, to: { path: '^(triggers/(?!contracts/)|infra/|test/|bench/)' } },
  { name: 'page-imports-no-infra', severity: 'error', from: { path: '^web/' }, to: { path: '^(infra|test|bench)/' } },
  { name: 'construct-does-not-import-the-local-stack', severity: 'error', from: { path: '^infra/cdk/' }, to: { path: '^infra/local/' } },
  { name: 'local-stack-does-not-import-the-construct', severity: 'error', from: { path: '^infra/local/' }, to: { path: '^infra/cdk/' } },
];

async function violations(files: string[], forbidden: IForbiddenRuleType[] = RULES) {
  const { output } = await cruise(files, {
    validate: true,
    ruleSet: { forbidden },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  return { output, found: output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`) };
}

describe('imports point down and form no cycle', () => {
  it('holds for triggers/, infra/ and web/ as they are', async () => {
    const { output, found } = await violations(['triggers', 'infra', 'web/src']);
    // The check saw the code: every module and the imports between them, .ts extensions resolved.
    expect(output.summary.totalCruised).toBeGreaterThan(100);
    const internal = output.modules.flatMap((m) => m.dependencies.filter((d) => !d.couldNotResolve && /^(triggers|infra|web)\//.test(d.resolved)));
    expect(internal.length).toBeGreaterThan(200);
    expect(found).toEqual([]);
  }, 120_000);

  it('would report an import pointing the wrong way (the rules bite)', async () => {
    // infra/cdk/email-otp-auth.ts imports triggers/: a rule forbidding that direction must report it.
    const reversed = await violations(['infra/cdk/email-otp-auth.ts'], [{ name: 'infra-imports-nothing-below', severity: 'error', from: { path: '^infra/' }, to: { path: '^triggers/' } }]);
    expect(reversed.found).toContain('infra-imports-nothing-below: infra/cdk/email-otp-auth.ts -> triggers/domain/config.ts');
  }, 120_000);

  it('would report a cycle through value imports, and not one through type-only imports', async () => {
    mkdirSync('test-results', { recursive: true });
    const dir = mkdtempSync(join('test-results', 'cycle-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b;\n");
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
      writeFileSync(join(dir, 'c.ts'), "import type { D } from './d.ts';\nexport interface C { d?: D }\n");
      writeFileSync(join(dir, 'd.ts'), "import type { C } from './c.ts';\nexport interface D { c?: C }\n");
      const { found } = await violations([relative(process.cwd(), dir)]);
      expect(found.some((v) => v.startsWith('no-cycle') && /\/a\.ts/.test(v) && /\/b\.ts/.test(v))).toBe(true);
      expect(found.some((v) => /[cd]\.ts/.test(v))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
