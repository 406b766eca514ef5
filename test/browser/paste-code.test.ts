import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  askForCodeByKeyboard,
  focusedId,
  hasChromium,
  openSignInPage,
  pageUnderTest,
  pasteWithKeyboard,
  signedInEmail,
} from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('pasting the code with Ctrl+V from the real clipboard', () => {
  const context = pageUnderTest();

  const formats: [string, (code: string) => string, typeof PHONE][] = [
    ['with a space in the middle', (c) => `${c.slice(0, 3)} ${c.slice(3)}`, PHONE],
    ['with a leading space', (c) => ` ${c}`, DESKTOP],
    ['with a dash', (c) => `${c.slice(0, 3)}-${c.slice(3)}`, PHONE],
    ['with a trailing space and newline', (c) => `${c} \n`, DESKTOP],
  ];

  it.each(formats)('%s fills every digit and submits itself', async (_name, format, viewport) => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, viewport);
    await askForCodeByKeyboard(page, email);
    expect(await focusedId(page)).toBe('code');
    await pasteWithKeyboard(page, format(await context.t.codeFor(email)));
    await expect.poll(() => signedInEmail(page), { timeout: 30_000 }).toBe(email);
    await page.context().close();
  });

  it('a paste where the caret is keeps the digits around it', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    await page.keyboard.type('34');
    await page.keyboard.press('Home');
    await pasteWithKeyboard(page, '12');
    expect(await page.getByLabel('Sign-in code').inputValue()).toBe('1234');
    await page.keyboard.press('End');
    await pasteWithKeyboard(page, '5');
    expect(await page.getByLabel('Sign-in code').inputValue()).toBe('12345');
    await page.context().close();
  });

  it('digits typed and pasted together keep to the code length, nothing else gets in', async () => {
    const { email } = await context.t.createUser();
    const page = await openSignInPage(context.browser, context.t.info.webUrl, PHONE);
    await askForCodeByKeyboard(page, email);
    await page.keyboard.type('1a 2');
    expect(await page.getByLabel('Sign-in code').inputValue()).toBe('12');
    await pasteWithKeyboard(page, ' 34 5');
    expect(await page.getByLabel('Sign-in code').inputValue()).toBe('12345');
    await page.context().close();
  });
});
