import { describe, expect, it } from 'vitest';
import { flagVar, integerVar, textVar } from '../../triggers/domain/env.ts';
import { ConfigError } from '../../triggers/domain/errors.ts';

describe('environment variables are read one way by the triggers and the local stack: invalid values name the variable', () => {
  it('a whole number in range, its default when unset or empty', () => {
    expect(integerVar({}, 'COGNITO_PORT', 9229, 0, 65_535)).toBe(9229);
    expect(integerVar({ COGNITO_PORT: ' ' }, 'COGNITO_PORT', 9229, 0, 65_535)).toBe(9229);
    expect(integerVar({ COGNITO_PORT: '0' }, 'COGNITO_PORT', 9229, 0, 65_535)).toBe(0);
    expect(() => integerVar({ COGNITO_PORT: '70000' }, 'COGNITO_PORT', 9229, 0, 65_535)).toThrow(
      'Invalid configuration: COGNITO_PORT must be a whole number from 0 to 65535, got 70000',
    );
    expect(() => integerVar({ AUTH_SESSION_VALIDITY_MINUTES: '2.5' }, 'AUTH_SESSION_VALIDITY_MINUTES', 3, 3, 15)).toThrow(ConfigError);
  });

  it('a flag is true or false', () => {
    expect(flagVar({}, 'MARK_EMAIL_VERIFIED')).toBe(false);
    expect(flagVar({ MARK_EMAIL_VERIFIED: 'true' }, 'MARK_EMAIL_VERIFIED')).toBe(true);
    expect(flagVar({ MARK_EMAIL_VERIFIED: 'false' }, 'MARK_EMAIL_VERIFIED')).toBe(false);
    expect(() => flagVar({ MARK_EMAIL_VERIFIED: 'yes' }, 'MARK_EMAIL_VERIFIED')).toThrow('Invalid configuration: MARK_EMAIL_VERIFIED must be true or false, got "yes"');
  });

  it('a required text is trimmed, and missing is named', () => {
    expect(textVar({ TABLE_NAME: ' codes ' }, 'TABLE_NAME')).toBe('codes');
    expect(textVar({}, 'APP_NAME', 'your account')).toBe('your account');
    expect(() => textVar({ TABLE_NAME: '' }, 'TABLE_NAME')).toThrow('Invalid configuration: TABLE_NAME is required');
  });
});
