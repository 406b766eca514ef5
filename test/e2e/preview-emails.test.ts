/**
 * `npx cognito-email-otp preview` and `npm run preview:emails`, in child processes as a person runs them: every
 * built-in and configured language written as HTML, text and (with Chromium) PNG files; invalid templates refused.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.ts';
import { cleanEnv } from '../helpers/packed-package.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'otp-preview-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: cleanEnv(env), encoding: 'utf8', timeout: 120_000 }, (_error, stdout, stderr) =>
      done({ status: child.exitCode, stdout, stderr }),
    );
  });
}

describe('the email preview writes every language before anything is deployed', () => {
  it('the built-in languages and one of your own, as HTML, text and PNG, with an index', async () => {
    const out = join(work, 'preview');
    const nl = { subject: 'Inlogcode voor {{appName}}', text: 'Uw code: {{code}}\n{{link}}', html: '<html lang="nl"><p>Uw code: {{code}}</p><a href="{{link}}">Inloggen</a></html>' };
    const ran = await run(['infra/local/cli.ts', 'preview', '--out', out], { APP_NAME: 'Acme', EMAIL_TEMPLATES: JSON.stringify({ nl }) });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(`Wrote the code email in en, de, fr, es, pt, ja, ar, nl to ${out}`);
    for (const language of ['en', 'de', 'fr', 'es', 'pt', 'ja', 'ar', 'nl']) {
      expect(existsSync(join(out, `${language}.html`))).toBe(true);
      if (hasChromium) expect(readFileSync(join(out, `${language}.png`)).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(readFileSync(join(out, 'de.txt'), 'utf8')).toMatch(/^Subject: Ihr Anmeldecode für Acme\n\nIhr Anmeldecode für Acme lautet: 042917\n/);
    expect(readFileSync(join(out, 'ar.html'), 'utf8')).toContain('<html lang="ar" dir="rtl">');
    expect(readFileSync(join(out, 'nl.html'), 'utf8')).toContain('<a href="https://app.example.com/sign-in#email=jane.doe%40example.com&amp;link=');
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<td>en (default)</td><td>Sign-in code for Acme</td>');
    expect(index).toContain('<td>nl</td><td>Inlogcode voor Acme</td>');
  });

  it('npm run preview:emails -- --without-link writes the emails without the link section', async () => {
    const out = join(work, 'without-link');
    const ran = await run(['infra/local/preview-emails.ts', '--out', out, '--without-link'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('No PNG screenshots: no Chromium at /nonexistent/chromium (set CHROMIUM_PATH).');
    expect(readFileSync(join(out, 'en.txt'), 'utf8')).not.toContain('link');
    expect(existsSync(join(out, 'en.png'))).toBe(false);
  });

  it('invalid templates are refused as the triggers would refuse them, and nothing is written', async () => {
    const out = join(work, 'refused');
    const ran = await run(['infra/local/cli.ts', 'preview', '--out', out], { EMAIL_TEMPLATES: JSON.stringify({ de: { text: 'Ohne Code' } }) });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('Invalid configuration: EMAIL_TEMPLATES de.text must contain {{code}}');
    expect(existsSync(out)).toBe(false);
  });
});
