import { describe, expect, it } from 'vitest';
import { renderCodeEmail, minutesLeft } from '../../triggers/email-template.ts';
import { maskEmail } from '../../triggers/mask-email.ts';

describe('the code email', () => {
  const email = renderCodeEmail({ code: '042917', appName: 'Acme', subjectTemplate: 'Sign in to {{appName}}', minutes: 3 });
  it('has a subject, a text and an HTML part with the code and minutes left', () => {
    expect(email.subject).toBe('Sign in to Acme');
    expect(email.text).toContain('042917');
    expect(email.text).toContain('3 minutes');
    expect(email.html).toContain('042917');
    expect(email.html).toContain('3 minutes');
  });
  it('escapes user-supplied values in HTML and keeps the subject on one line', () => {
    const hostile = renderCodeEmail({
      code: '111111',
      appName: '<script>alert("x")</script>&',
      subjectTemplate: 'Hi {{appName}}\r\nBcc: victim@example.com',
      minutes: 1,
    });
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
    expect(hostile.subject).not.toMatch(/[\r\n]/);
    expect(hostile.text).toContain('1 minute ');
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
