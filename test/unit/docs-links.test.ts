// The documentation holds together: links and anchors resolve, snippets are where the tests read them, the layout map is current.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentationPages, readmeSnippet } from '../helpers/packed-package.ts';

const root = resolve(import.meta.dirname, '../..');

/** GitHub's heading slug (github-slugger): lower case, punctuation and symbols dropped, each space a hyphen. */
function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link or image shows its text
    .replace(/<[^>]+>/g, ''); // inline HTML shows nothing of its tags
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The page's lines outside fenced code blocks, with inline code spans kept only as their text. */
function proseLines(markdown: string): string[] {
  let fenced = false;
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) lines.push(line);
  }
  return lines;
}

/** Every anchor a page offers: its headings' slugs (repeats get -1, -2, ... as on GitHub) and `<a id>`s. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const slug = githubSlug(heading[1]!.replace(/`/g, ''));
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const id of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id[1]!);
  }
  return anchors;
}

/** Relative link targets of a page (`path`, `path#anchor`, `#anchor`), outside code; external ones are left out. */
function relativeLinks(markdown: string): string[] {
  const links: string[] = [];
  for (const line of proseLines(markdown)) {
    const prose = line.replace(/`[^`]*`/g, '');
    for (const link of prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = link[1]!;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push(target);
    }
  }
  return links;
}

/** What is wrong with one link from `page` (a path relative to the repository), or undefined when it resolves. */
function brokenLink(page: string, target: string): string | undefined {
  const [path, anchor] = target.split('#', 2) as [string, string | undefined];
  const file = path === '' ? resolve(root, page) : resolve(root, dirname(page), decodeURI(path));
  if (!existsSync(file)) return `${page}: ${target} (no ${relative(root, file)})`;
  if (anchor === undefined) return undefined;
  if (!file.endsWith('.md')) return `${page}: ${target} (an anchor into a file that is not Markdown)`;
  if (!anchorsOf(readFileSync(file, 'utf8')).has(anchor)) return `${page}: ${target} (no heading or <a id> "${anchor}")`;
  return undefined;
}

describe('GitHub anchor slugs', () => {
  it('match the ones GitHub gives these headings', () => {
    expect(githubSlug('The local stack (`npm start`)'.replace(/`/g, ''))).toBe('the-local-stack-npm-start');
    expect(githubSlug("The client helper's steps and errors")).toBe('the-client-helpers-steps-and-errors');
    expect(githubSlug('A CDK app (cdk init app --language typescript) with its own user pool')).toBe(
      'a-cdk-app-cdk-init-app---language-typescript-with-its-own-user-pool',
    );
    expect(githubSlug('Local vs AWS')).toBe('local-vs-aws');
    expect([...anchorsOf('# A\n## Notes\n```\n## Not a heading\n```\n### Notes\n<a id="kept"></a>')]).toEqual([
      'a',
      'notes',
      'notes-1',
      'kept',
    ]);
  });
});

describe('the documentation (README.md and docs/*.md)', () => {
  const pages = documentationPages();

  it('has the README and the pages it promises', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/how-it-works.md',
        'docs/operating-on-aws.md',
        'docs/local-stack.md',
        'docs/performance.md',
        'docs/contributing.md',
      ]),
    );
  });

  it('links only to files that exist and to anchors those files have', () => {
    const broken = pages.flatMap((page) =>
      relativeLinks(readFileSync(resolve(root, page), 'utf8')).flatMap((target) => brokenLink(page, target) ?? []),
    );
    expect(broken).toEqual([]);
  });

  it('keeps the README a front door of about 300 lines', () => {
    expect(readFileSync(resolve(root, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(320);
  });

  it('holds each snippet the tests read exactly once, and no snippet no test reads', () => {
    const marked = pages.flatMap((page) =>
      [...readFileSync(resolve(root, page), 'utf8').matchAll(/<!-- snippet: ([\w-]+)/g)].map((match) => match[1]!),
    );
    const read = new Set<string>();
    const testFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = resolve(dir, name);
        return statSync(path).isDirectory() ? testFiles(path) : path.endsWith('.ts') ? [path] : [];
      });
    for (const file of testFiles(resolve(root, 'test'))) {
      for (const call of readFileSync(file, 'utf8').matchAll(/readmeSnippet\('([\w-]+)'\)/g)) read.add(call[1]!);
    }
    expect(read.size).toBeGreaterThan(0);
    for (const name of read) expect(readmeSnippet(name).trim(), name).not.toBe('');
    expect([...marked].sort()).toEqual([...read].sort());
  });
});

describe("docs/contributing.md's layout map", () => {
  const contributing = readFileSync(resolve(root, 'docs/contributing.md'), 'utf8');
  const layout = contributing.slice(contributing.indexOf('\n## Layout'));
  const named = [...layout.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);

  it('names only paths that exist', () => {
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((path) => !existsSync(resolve(root, path)))).toEqual([]);
  });

  it('names every file in git (test files and docs through their folder)', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const folders = named.filter((path) => path.endsWith('/'));
    const covered = (file: string) =>
      named.includes(file) ||
      ((file.endsWith('.test.ts') || file.startsWith('docs/')) && folders.some((folder) => file.startsWith(folder)));
    expect(tracked.filter((file) => existsSync(resolve(root, file)) && !covered(file))).toEqual([]);
  });

  it('quotes a snippet only with lines the tested snippet has (<!-- excerpt of: name -->)', () => {
    for (const page of documentationPages()) {
      for (const match of readFileSync(resolve(root, page), 'utf8').matchAll(/<!-- excerpt of: ([\w-]+) -->\n```\w*\n([\s\S]*?)\n```/g)) {
        const tested = new Set(readmeSnippet(match[1]!).split('\n').map((line) => line.trim()));
        const foreign = match[2]!.split('\n').map((line) => line.trim()).filter((line) => line && !tested.has(line));
        expect(foreign, `${page}: excerpt of ${match[1]}`).toEqual([]);
      }
    }
  });
});
