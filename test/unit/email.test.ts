import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, renderCodeEmail, minutesLeft } from '../../triggers/domain/email-template.ts';
import { signInLinkFor } from '../../triggers/contracts/sign-in-link.ts';
import { maskEmail } from '../../triggers/domain/mask-email.ts';
import { readSignInLink } from '../../web/client/sign-in-link.ts';

describe('the code email', () => {
  const templates = { ...DEFAULT_TEMPLATES, subject: 'Sign in to {{appName}}' };
  const email = renderCodeEmail({ code: '042917', appName: 'Acme', minutes: 3, templates });
  it('has a subject, a text and an HTML part with the code and minutes left', () => {
    expect(email.subject).toBe('Sign in to Acme');
    expect(email.text).toContain('042917');
    expect(email.text).toContain('3 minutes');
    expect(email.html).toContain('042917');
    expect(email.html).toContain('3 minutes');
  });

  it('the default HTML names its language and has a title; the default subject reads well with the default app name', () => {
    const plain = renderCodeEmail({ code: '042917', appName: 'your account', minutes: 1, templates: DEFAULT_TEMPLATES });
    expect(plain.html).toMatch(/^<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>[^<]+<\/title><\/head>/);
    expect(plain.subject).toBe('Sign-in code for your account');
    expect(plain.text).toContain('It expires in 1 minute and works once.');
  });
  it('escapes user-supplied values in HTML and keeps the subject on one line', () => {
    const hostile = renderCodeEmail({
      code: '111111',
      appName: '<script>alert("x")</script>& {{code}}',
      minutes: 1,
      templates: { ...DEFAULT_TEMPLATES, subject: 'Hi {{appName}}\r\nBcc: victim@example.com' },
    });
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp; {{code}}');
    expect(hostile.subject).not.toContain('111111'); // a value cannot inject a placeholder
    expect(hostile.subject).not.toMatch(/[\r\n]/);
    expect(hostile.text).toContain('1 minute ');
  });
  it('fills custom text and HTML templates', () => {
    const custom = renderCodeEmail({
      code: '555123',
      appName: 'Acme & Co',
      minutes: 10,
      templates: { subject: 'Acme login', text: 'Code {{code}} ({{minutes}})', html: '<b>{{code}}</b> for {{appName}}' },
    });
    expect(custom).toEqual({ subject: 'Acme login', text: 'Code 555123 (10 minutes)', html: '<b><span data-sign-in-code>555123</span></b> for Acme &amp; Co', language: 'en' });
  });

  it('carries the sign-in link in both parts when one is given, and no trace of it otherwise', () => {
    const link = signInLinkFor('https://app.example.com/sign-in', 'jane+x@example.com', 'AbC_-0123456789abcdefgh');
    expect(link).toBe('https://app.example.com/sign-in#email=jane%2Bx%40example.com&link=AbC_-0123456789abcdefgh');
    const withLink = renderCodeEmail({ code: '042917', link, appName: 'Acme', minutes: 3, templates: DEFAULT_TEMPLATES });
    expect(withLink.text).toContain(`Or open this link to sign in:\n${link}\n`);
    expect(withLink.text).toContain('Never share this code or link.');
    // A new tab: a mailbox that shows the email in a frame (the local one does) keeps it, and the page is not framed.
    expect(withLink.html).toContain(`<a href="${link.replace('&', '&amp;')}" target="_blank" rel="noopener">open this link to sign in</a>`);
    expect(withLink.subject).not.toContain('link=');
    const without = renderCodeEmail({ code: '042917', appName: 'Acme', minutes: 3, templates: DEFAULT_TEMPLATES });
    for (const part of [without.text, without.html]) expect(part).not.toMatch(/link|\{\{/);
    expect(without.text).toBe('Your sign-in code for Acme is: 042917\n\nIt expires in 3 minutes and works once.\nIf you did not try to sign in, you can ignore this email. Never share this code.');
  });

  it('the page reads back what the trigger wrote into the link, and nothing from other addresses', () => {
    const secret = 'AbC_-0123456789abcdefg';
    expect(readSignInLink(signInLinkFor('https://app.example.com/in?x=1', 'Jane+x@example.com', secret))).toEqual({ email: 'Jane+x@example.com', secret });
    for (const href of [
      'https://app.example.com/',
      'https://app.example.com/#email=a%40b.com',
      'https://app.example.com/#email=a%40b.com&link=short',
      `https://app.example.com/?email=a%40b.com&link=${secret}`,
      `https://app.example.com/#link=${secret}`,
      `https://app.example.com/#email=${encodeURIComponent('<img src=x onerror=alert(1)>')}&link=${secret}`,
      `https://app.example.com/#email=${encodeURIComponent('Your bank says: call 555')}&link=${secret}`,
      // Text around a real address is still text a stranger chose.
      `https://app.example.com/#email=${encodeURIComponent('Your bank: call 555 0100 x@y.co')}&link=${secret}`,
      `https://app.example.com/#email=${encodeURIComponent('x@y.co, call 555 0100')}&link=${secret}`,
      `https://app.example.com/#email=${'a'.repeat(250)}%40b.com&link=${secret}`,
    ]) {
      expect(readSignInLink(href)).toBeUndefined();
    }
  });

  it('rounds minutes up', () => {
    expect(minutesLeft(1)).toBe(1);
    expect(minutesLeft(180)).toBe(3);
    expect(minutesLeft(181)).toBe(4);
  });
});

describe('masked addresses', () => {
  it.each([
    ['jane.doe@example.com', 'j***@e***.com'],
    ['a@b.co.uk', 'a***@b***.uk'],
    ['nobody', 'n***'],
  ])('%s -> %s', (input, masked) => expect(maskEmail(input)).toBe(masked));
});
