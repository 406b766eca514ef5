import { describe, expect, it } from 'vitest';
import { createDefineAuthChallengeHandler } from '../../triggers/handlers/define.ts';
import { codeRound, defineEvent, newUser, passwordVerifier, srpA, type SessionEntry } from '../helpers/cognito-events.ts';

const silent = () => undefined;
const codeMode = createDefineAuthChallengeHandler({ signInMode: 'code', maxRounds: 3 }, silent);
const passwordMode = createDefineAuthChallengeHandler({ signInMode: 'password-and-code', maxRounds: 3 }, silent);
const user = newUser();
const unknown = { userName: 'nobody@example.com', userNotFound: true };

async function run(handler: typeof codeMode, session: SessionEntry[], who: object = user) {
  const event = defineEvent(who as never, session);
  const result = await handler(event);
  return result.response;
}

const challenge = (name: string) => ({ challengeName: name, issueTokens: false, failAuthentication: false });
const tokens = { challengeName: null, issueTokens: true, failAuthentication: false };
const fail = { challengeName: null, issueTokens: false, failAuthentication: true };

describe('Define returns the whole event with only the response changed', () => {
  it('keeps every envelope and request field', async () => {
    const event = defineEvent(user, []);
    const before = structuredClone(event);
    const result = await codeMode(event);
    expect({ ...result, response: undefined }).toEqual({ ...before, response: undefined });
    expect(typeof result.response.issueTokens).toBe('boolean');
    expect(typeof result.response.failAuthentication).toBe('boolean');
  });
});

describe('passwordless mode (SIGN_IN_MODE=code)', () => {
  it('starts with the custom challenge', async () => {
    expect(await run(codeMode, [])).toEqual(challenge('CUSTOM_CHALLENGE'));
  });
  it('issues tokens after a correct answer', async () => {
    expect(await run(codeMode, [codeRound(true)])).toEqual(tokens);
    expect(await run(codeMode, [codeRound(false), codeRound(false), codeRound(true)])).toEqual(tokens);
  });
  it('retries a wrong answer while the session has rounds left, then fails', async () => {
    expect(await run(codeMode, [codeRound(false)])).toEqual(challenge('CUSTOM_CHALLENGE'));
    expect(await run(codeMode, [codeRound(false), codeRound(false)])).toEqual(challenge('CUSTOM_CHALLENGE'));
    expect(await run(codeMode, [codeRound(false), codeRound(false), codeRound(false)])).toEqual(fail);
  });
  it('fails on any session entry it does not expect', async () => {
    expect(await run(codeMode, [srpA()])).toEqual(fail);
    expect(await run(codeMode, [srpA(), passwordVerifier(true)])).toEqual(fail);
    expect(await run(codeMode, [codeRound(true, null)])).toEqual(fail);
    expect(await run(codeMode, [codeRound(true, 'SOMEONE_ELSE')])).toEqual(fail);
    expect(await run(codeMode, [{ challengeName: 'SMS_MFA', challengeResult: true, challengeMetadata: null }])).toEqual(fail);
    expect(await run(codeMode, [codeRound(true), codeRound(true)])).toEqual(fail);
  });
});

describe('two-step mode (SIGN_IN_MODE=password-and-code): the password cannot be skipped', () => {
  it('asks for the password after SRP_A, then for the code after a correct password', async () => {
    expect(await run(passwordMode, [srpA()])).toEqual(challenge('PASSWORD_VERIFIER'));
    expect(await run(passwordMode, [srpA(), passwordVerifier(true)])).toEqual(challenge('CUSTOM_CHALLENGE'));
    expect(await run(passwordMode, [srpA(), passwordVerifier(true), codeRound(true)])).toEqual(tokens);
  });
  it('fails a session that starts without SRP_A (no password)', async () => {
    expect(await run(passwordMode, [])).toEqual(fail);
    expect(await run(passwordMode, [codeRound(true)])).toEqual(fail);
  });
  it('fails after a wrong password and never reaches the code', async () => {
    expect(await run(passwordMode, [srpA(), passwordVerifier(false)])).toEqual(fail);
    expect(await run(passwordMode, [srpA(), passwordVerifier(false), codeRound(true)])).toEqual(fail);
  });
  it('never issues tokens for a correct code without a verified password', async () => {
    expect(await run(passwordMode, [srpA(), codeRound(true)])).toEqual(fail);
    expect(await run(passwordMode, [codeRound(true), srpA(), passwordVerifier(true)])).toEqual(fail);
  });
  it('retries wrong codes while rounds are left, then fails', async () => {
    const base = [srpA(), passwordVerifier(true)];
    expect(await run(passwordMode, [...base, codeRound(false)])).toEqual(challenge('CUSTOM_CHALLENGE'));
    expect(await run(passwordMode, [...base, codeRound(false), codeRound(false), codeRound(false)])).toEqual(fail);
  });
});

describe('unknown users get the same challenge and always fail in the end', () => {
  it('is challenged exactly like a real user', async () => {
    expect(await run(codeMode, [], unknown)).toEqual(await run(codeMode, []));
    expect(await run(codeMode, [codeRound(false)], unknown)).toEqual(await run(codeMode, [codeRound(false)]));
  });
  it('never gets tokens, even from a round reported correct', async () => {
    expect(await run(codeMode, [codeRound(true)], unknown)).toEqual(fail);
    expect(await run(passwordMode, [srpA(), passwordVerifier(true), codeRound(true)], unknown)).toEqual(fail);
  });
});

describe('malformed events fail authentication instead of crashing', () => {
  it.each([
    ['session missing', (e: any) => delete e.request.session],
    ['session not an array', (e: any) => (e.request.session = 'CUSTOM_CHALLENGE')],
    ['entry without a result', (e: any) => (e.request.session = [{ challengeName: 'CUSTOM_CHALLENGE' }])],
    ['entry that is null', (e: any) => (e.request.session = [null])],
    ['no userName', (e: any) => delete e.userName],
  ])('%s', async (_name, mutate) => {
    const event = defineEvent(user, [codeRound(true)]);
    mutate(event);
    const result = await codeMode(event);
    expect(result.response).toMatchObject({ issueTokens: false, failAuthentication: true });
  });
  it('rejects an event with no response object with a clear error', async () => {
    await expect(codeMode({} as never)).rejects.toThrow(/Malformed trigger event/);
  });
});
