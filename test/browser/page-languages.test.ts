import { AxeBuilder } from '@axe-core/playwright';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  PHONE,
  alertText,
  askForCodeByKeyboard,
  focusedId,
  hasChromium,
  pageUnderTest,
  screenshot,
  signedInEmail,
  statusText,
  typeCode,
  wrongCodeFor,
} from '../helpers/browser.ts';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A person whose browser asks for `languages` (Chromium's Accept-Language and navigator.languages), at the page. */
async function openInLanguage(browser: Browser, url: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#start-form:not([hidden])').waitFor({ timeout: 30_000 });
  return page;
}

const documentLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title }));
const text = (page: Page, selector: string) => page.locator(selector).innerText();

describe.skipIf(!hasChromium)("the page speaks the browser's language, switches on request and remembers the choice", () => {
  const context = pageUnderTest();

  it("in French by the browser's language: every label, the code step's sentences, countdown and errors", async () => {
    const { email } = await context.t.createUser();
    const page = await openInLanguage(context.browser, context.t.info.webUrl, 'fr-FR');
    expect(await documentLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr', title: 'Se connecter avec un code reçu par e-mail' });
    expect(await text(page, '#title')).toBe('Se connecter avec un code reçu par e-mail');
    expect(await text(page, 'label[for=email]')).toBe('Adresse e-mail');
    expect(await text(page, '#start-button')).toBe('Recevoir un code par e-mail');
    expect(await text(page, '#have-code-button')).toBe('J’ai déjà un code');
    expect(await page.locator('#language').inputValue()).toBe('fr');

    await askForCodeByKeyboard(page, email);
    expect(await text(page, '#title')).toBe('Saisissez votre code');
    expect(await text(page, '#code-sent-to')).toMatch(/^Nous avons envoyé un code à 6\u00a0chiffres à p\*\*\*@e\*\*\*\.com\. Ce même e-mail contient un lien/);
    expect(await statusText(page)).toBe(`Consultez votre boîte de réception. Rien après une minute ? Vérifiez l’adresse et votre dossier de courrier indésirable, ou utilisez une autre adresse : certains serveurs de messagerie refusent nos e-mails.`);
    expect(await text(page, '#code-expiry')).toMatch(/^Le code expire dans [0-3]:\d\d\.$/);
    await typeCode(page, wrongCodeFor(await context.t.codeFor(email)));
    await expect.poll(() => alertText(page)).toBe('Ce code est incorrect. Il reste 2 essais.');
    expect(await text(page, '#code-attempts')).toBe('Il reste 2 essais pour ce code.');
    await screenshot(page, 'page-code-step-fr');
    await page.context().close();
  });

  it('in Arabic right to left, with axe-core finding no violation on the email and code steps', async () => {
    const { email } = await context.t.createUser();
    const page = await openInLanguage(context.browser, context.t.info.webUrl, 'ar-EG');
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl', title: 'تسجيل الدخول برمز عبر البريد الإلكتروني' });
    expect(await text(page, '#start-button')).toBe('أرسل لي رمزًا بالبريد الإلكتروني');
    // Right to left: the switch sits at the line's end, which is the left; the card's text starts at the right.
    const card = await page.locator('main').boundingBox();
    const toggle = await page.locator('#language').boundingBox();
    expect(toggle!.x - card!.x).toBeLessThan(card!.width / 2);
    expect(await page.locator('#title').evaluate((h) => getComputedStyle(h).direction)).toBe('rtl');
    expect((await new AxeBuilder({ page }).withTags(WCAG_AA).analyze()).violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'page-email-step-ar');

    await askForCodeByKeyboard(page, email);
    // The masked address is isolated as a left-to-right run, so its characters keep their order inside Arabic.
    expect(await page.locator('#code-sent-to').textContent()).toMatch(/^أرسلنا رمزًا من 6 أرقام إلى \u2068p\*\*\*@e\*\*\*\.com\u2069\./);
    await typeCode(page, wrongCodeFor(await context.t.codeFor(email)));
    await expect.poll(() => alertText(page)).toBe('الرمز غير صحيح. تتبقى محاولتان.');
    expect((await new AxeBuilder({ page }).withTags(WCAG_AA).analyze()).violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'page-code-step-ar');
    await page.context().close();
  });

  it('the switch (by keyboard) changes every text on screen at once and is remembered over a reload', async () => {
    const page = await openInLanguage(context.browser, context.t.info.webUrl, 'en-US');
    expect(await text(page, '#start-button')).toBe('Email me a code');
    await page.locator('#email').fill('nobody-yet@example.com');
    await page.keyboard.press('Enter'); // an invalid address would be refused; this one is valid: wait for the code step
    await page.locator('#code-form:not([hidden])').waitFor({ timeout: 30_000 });
    await page.locator('#language').focus();
    expect(await focusedId(page)).toBe('language');
    await page.keyboard.type('Deutsch');
    await expect.poll(() => page.locator('#language').inputValue()).toBe('de');
    await expect.poll(() => text(page, '#title')).toBe('Code eingeben');
    expect(await text(page, '#code-expiry')).toMatch(/^Der Code läuft in \d:\d\d ab\.$/);
    expect(await text(page, '#code-sent-to')).toMatch(/^Wir haben einen 6-stelligen Code an n\*\*\*@e\*\*\*\.com gesendet\./);
    expect(await statusText(page)).toBe(`Sehen Sie in Ihrem Posteingang nach. Nach einer Minute noch nichts? Prüfen Sie die Adresse und Ihren Spam-Ordner oder verwenden Sie eine andere Adresse: Manche Mailserver lehnen unsere E-Mails ab.`);
    expect(await text(page, '#resend-button')).toMatch(/^Neuen Code senden/);
    expect(await documentLanguage(page)).toMatchObject({ lang: 'de', dir: 'ltr' });

    await page.reload();
    await page.locator('#start-form:not([hidden])').waitFor({ timeout: 30_000 });
    expect(await documentLanguage(page)).toMatchObject({ lang: 'de' });
    expect(await text(page, '#have-code-button')).toBe('Ich habe bereits einen Code');
    await page.context().close();
  });

  it("after a sign-in the page saves its language to the user's locale, so the next email is in it", async () => {
    const { email } = await context.t.createUser();
    const page = await openInLanguage(context.browser, context.t.info.webUrl, 'de-DE');
    await askForCodeByKeyboard(page, email);
    const [first] = await context.t.emailsTo(email);
    expect(first!.subject).toBe('Sign-in code for your account'); // no locale yet: the pool's default language
    await typeCode(page, await context.t.codeFor(email));
    await expect.poll(() => signedInEmail(page)).toBe(email);
    expect(await text(page, '#title')).toBe('Sie sind angemeldet');
    const locale = async () =>
      (await context.t.client.send(new AdminGetUserCommand({ UserPoolId: context.t.info.userPoolId, Username: email }))).UserAttributes?.find(
        (a) => a.Name === 'locale',
      )?.Value;
    await expect.poll(locale).toBe('de');
    await page.context().close();

    await context.t.signIn(email);
    const next = (await context.t.emailsTo(email)).at(-1)!;
    expect(next.subject).toBe('Ihr Anmeldecode für Ihr Konto');
    expect(next.body.html).toContain('<html lang="de">');
    expect(next.headers?.find((h) => h.name === 'Content-Language')?.value).toBe('de');
  });
});
