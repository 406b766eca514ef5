import { describe, expect, it } from 'vitest';
import { codeConfigToEnvironment, configToEnvironment, loadCodeConfig, loadConfig } from '../../triggers/domain/config.ts';
import { ConfigError } from '../../triggers/domain/errors.ts';

const base = { TABLE_NAME: 'codes', SES_FROM_ADDRESS: 'no-reply@example.com', CODE_KEY_FILE: '/run/code-key.json' };

describe('configuration is validated once, with messages naming the variable', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(base)).toMatchObject({
      tableName: 'codes',
      signInMode: 'code',
      codeLength: 6,
      codeTtlSeconds: 180,
      maxAttempts: 3,
      resendIntervalSeconds: 60,
      maxSendsPerHour: 5,
    });
  });

  it.each([
    [{ TABLE_NAME: '' }, 'TABLE_NAME'],
    [{ SES_FROM_ADDRESS: 'not-an-address' }, 'SES_FROM_ADDRESS'],
    [{ SIGN_IN_MODE: 'sms' }, 'SIGN_IN_MODE'],
    [{ CODE_LENGTH: '5' }, 'CODE_LENGTH'],
    [{ CODE_LENGTH: '11' }, 'CODE_LENGTH'],
    [{ CODE_LENGTH: 'six' }, 'CODE_LENGTH'],
    [{ CODE_TTL_SECONDS: '0' }, 'CODE_TTL_SECONDS'],
    [{ CODE_TTL_SECONDS: '901' }, 'CODE_TTL_SECONDS'],
    [{ MAX_ATTEMPTS: '0' }, 'MAX_ATTEMPTS'],
    [{ MAX_ATTEMPTS: '2.5' }, 'MAX_ATTEMPTS'],
    [{ RESEND_INTERVAL_SECONDS: '4' }, 'RESEND_INTERVAL_SECONDS'],
    [{ MAX_SENDS_PER_HOUR: '-1' }, 'MAX_SENDS_PER_HOUR'],
    [{ EMAIL_TEXT_TEMPLATE: 'Your code is here' }, 'EMAIL_TEXT_TEMPLATE'],
    [{ EMAIL_HTML_TEMPLATE: '<p>no code</p>' }, 'EMAIL_HTML_TEMPLATE'],
    [{ EMAIL_SUBJECT: 'Your code: {{code}}' }, 'EMAIL_SUBJECT'],
    [{ EMAIL_SUBJECT: 'Sign in: {{link}}' }, 'EMAIL_SUBJECT'],
    [{ SIGN_IN_LINK_URL: 'app.example.com/sign-in' }, 'SIGN_IN_LINK_URL'],
    [{ SIGN_IN_LINK_URL: 'http://app.example.com/' }, 'SIGN_IN_LINK_URL'],
    [{ SIGN_IN_LINK_URL: 'https://app.example.com/#/sign-in' }, 'SIGN_IN_LINK_URL'],
    [{ SIGN_IN_LINK_URL: 'https://app.example.com/', SIGN_IN_MODE: 'password-and-code' }, 'SIGN_IN_LINK_URL'],
    [{ SIGN_IN_LINK_URL: 'https://app.example.com/', EMAIL_TEXT_TEMPLATE: 'Code {{code}}' }, 'EMAIL_TEXT_TEMPLATE'],
    [{ SIGN_IN_LINK_URL: 'https://app.example.com/', EMAIL_HTML_TEMPLATE: '<b>{{code}}</b>' }, 'EMAIL_HTML_TEMPLATE'],
  ])('rejects %o', (override, variable) => {
    const attempt = () => loadConfig({ ...base, ...override });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('accepts the limits and a display-name sender', () => {
    const config = loadConfig({
      ...base,
      SES_FROM_ADDRESS: 'Example <no-reply@example.com>',
      SIGN_IN_MODE: 'password-and-code',
      CODE_LENGTH: '10',
      CODE_TTL_SECONDS: '1',
      MAX_ATTEMPTS: '10',
    });
    expect(config).toMatchObject({ signInMode: 'password-and-code', codeLength: 10, codeTtlSeconds: 1, maxAttempts: 10 });
  });

  it('takes a sign-in link page over https, or http on this machine', () => {
    expect(loadConfig(base).signInLinkUrl).toBeUndefined();
    expect(loadConfig({ ...base, SIGN_IN_LINK_URL: 'https://app.example.com/sign-in' }).signInLinkUrl).toBe('https://app.example.com/sign-in');
    expect(loadConfig({ ...base, SIGN_IN_LINK_URL: 'http://127.0.0.1:5173/' }).signInLinkUrl).toBe('http://127.0.0.1:5173/');
    expect(loadConfig({ ...base, SIGN_IN_LINK_URL: 'http://[::1]:5173/' }).signInLinkUrl).toBe('http://[::1]:5173/');
  });

  it('calls SES in another region when SES_REGION names one, and refuses what is not a region', () => {
    expect(loadConfig(base).sesRegion).toBeUndefined();
    expect(loadConfig({ ...base, SES_REGION: 'eu-central-1' }).sesRegion).toBe('eu-central-1');
    expect(() => loadConfig({ ...base, SES_REGION: 'Frankfurt' })).toThrow(/SES_REGION must be an AWS region such as eu-west-1, got "Frankfurt"/);
  });

  it('cannot be changed after loading', () => {
    const config = loadConfig(base) as { codeLength: number };
    expect(() => (config.codeLength = 4)).toThrow(TypeError);
  });
});

describe('the environment the construct writes is the one the triggers read', () => {
  it.each([
    ['the defaults', {}],
    [
      'every setting changed',
      {
        SES_FROM_ADDRESS: 'Acme <no-reply@acme.example>',
        SES_CONFIGURATION_SET: 'otp',
        SES_REGION: 'eu-west-1',
        SIGN_IN_MODE: 'password-and-code',
        CODE_LENGTH: '8',
        CODE_TTL_SECONDS: '300',
        MAX_ATTEMPTS: '5',
        RESEND_INTERVAL_SECONDS: '30',
        MAX_SENDS_PER_HOUR: '10',
        SEND_WINDOW_SECONDS: '600',
        MAX_GUESSES_PER_DAY: '50',
        GUESS_WINDOW_SECONDS: '3600',
        APP_NAME: 'Acme',
        EMAIL_SUBJECT: 'Sign in to {{appName}}',
        EMAIL_TEXT_TEMPLATE: 'Code {{code}}',
        EMAIL_HTML_TEMPLATE: '<p>{{code}}</p>',
      },
    ],
  ])('round-trips %s', (_name, env) => {
    const config = loadConfig({ ...base, ...env });
    expect(loadConfig(configToEnvironment(config))).toEqual(config);
    // Verify's part: everything but the templates reads back the same.
    const { email: _templates, ...codeConfig } = config;
    expect(loadCodeConfig(codeConfigToEnvironment(config))).toEqual(codeConfig);
  });
});
