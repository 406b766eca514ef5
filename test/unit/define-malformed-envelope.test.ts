/** Define reads a malformed event without throwing: whatever field is wrong, a session it cannot trust fails, in both modes. */
import { describe, expect, it } from 'vitest';
import { createDefineAuthChallengeHandler } from '../../triggers/handlers/define.ts';
import { codeRound, defineEvent, newUser, passwordVerifier, srpA } from '../helpers/cognito-events.ts';

const lines: string[] = [];
const audit = (event: string) => void lines.push(event);
const handlers = {
  code: createDefineAuthChallengeHandler({ signInMode: 'code', maxRounds: 3 }, audit),
  'password-and-code': createDefineAuthChallengeHandler({ signInMode: 'password-and-code', maxRounds: 3 }, audit),
};
const sessions = { code: [codeRound(true)], 'password-and-code': [srpA(), passwordVerifier(true), codeRound(true)] };

describe.each(['code', 'password-and-code'] as const)('Define in %s mode, given a session that would issue tokens', (mode) => {
  it('issues them when the event is well formed (so each case below fails only for its malformed field)', async () => {
    const result = await handlers[mode](defineEvent(newUser(), sessions[mode]));
    expect(result.response).toMatchObject({ issueTokens: true, failAuthentication: false });
  });

  it.each([
    ['no request', (e: any) => delete e.request],
    ['a request that is an array', (e: any) => (e.request = [])],
    ['no userPoolId', (e: any) => delete e.userPoolId],
    ['an empty userName', (e: any) => (e.userName = '')],
    ['a round whose result is the string "true"', (e: any) => (e.request.session.at(-1).challengeResult = 'true')],
    ['a round without a challenge name', (e: any) => delete e.request.session.at(-1).challengeName],
  ])('fails the sign-in for %s, and logs no tokens', async (_name, mutate) => {
    const event = defineEvent(newUser(), sessions[mode]);
    mutate(event);
    lines.length = 0;
    const result = await handlers[mode](event);
    expect(result.response).toMatchObject({ issueTokens: false, failAuthentication: true });
    expect(lines).not.toContain('tokens_issued');
  });

  it('rejects a response that is no object with a clear error instead of writing into it', async () => {
    const event = defineEvent(newUser(), sessions[mode]);
    (event as any).response = [];
    await expect(handlers[mode](event)).rejects.toThrow(/Malformed trigger event: response missing/);
  });
});
