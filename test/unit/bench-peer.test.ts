/** The bench names the peer it compared with in words that mean something on any machine, not a local path. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describePeer } from '../../bench/peer.ts';

const work = mkdtempSync(join(tmpdir(), 'bench-peer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function peerProject(name: string): string {
  const project = join(work, name);
  mkdirSync(join(project, 'cdk/custom-auth'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'peer-product', version: '1.2.3' }));
  writeFileSync(join(project, 'cdk/custom-auth/define-auth-challenge.ts'), 'export {};\n');
  return project;
}

describe('describePeer', () => {
  it('names the package, its version and the folder within it', () => {
    const project = peerProject('plain');
    expect(describePeer(join(project, 'cdk/custom-auth'))).toBe('peer-product@1.2.3, cdk/custom-auth');
    expect(describePeer(join(project, 'cdk/custom-auth'))).not.toContain(work);
  });

  it('adds the commit of a git clone', () => {
    const project = peerProject('clone');
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', project, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'peer');
    const commit = git('rev-parse', '--short', 'HEAD');
    expect(describePeer(join(project, 'cdk/custom-auth'))).toBe(`peer-product@1.2.3, cdk/custom-auth at ${commit}`);
  });
});

describe('bench/results.json', () => {
  it('holds no absolute path of the machine it was measured on', () => {
    const strings: string[] = [];
    JSON.parse(readFileSync(resolve(import.meta.dirname, '../../bench/results.json'), 'utf8'), (_key, value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      return value;
    });
    expect(strings.filter((value) => /^(\/|[A-Za-z]:\\)|\/(tmp|home|root|Users|work)\//.test(value))).toEqual([]);
  });
});
