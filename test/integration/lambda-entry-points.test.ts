import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureCodeKeyFile } from '../../infra/local/code-key-file.ts';
import { createCodeTable } from '../../infra/local/dynamodb.ts';
import { latestCode } from '../../infra/local/mailbox-client.ts';
import { codeRound, createEvent, defineEvent, newUser, verifyEvent } from '../helpers/cognito-events.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
  await createCodeTable(aws.dynamodbUrl, 'entry-point-codes');
});
afterAll(() => aws?.stop());

async function importHandlers(env: Record<string, string>) {
  vi.resetModules();
  Object.assign(process.env, env);
  const define = await import('../../triggers/define-auth-challenge.ts');
  const create = await import('../../triggers/create-auth-challenge.ts');
  const verify = await import('../../triggers/verify-auth-challenge-response.ts');
  return { define: define.handler, create: create.handler, verify: verify.handler };
}

describe('the Lambda entry points read their configuration and endpoints from the environment', () => {
  it('signs a user in through Define, Create, Verify and Define, reaching AWS through AWS_ENDPOINT_URL_*', async () => {
    const h = await importHandlers({
      TABLE_NAME: 'entry-point-codes',
      SES_FROM_ADDRESS: 'Acme <no-reply@acme.example>',
      SIGN_IN_MODE: 'code',
      CODE_KEY_FILE: ensureCodeKeyFile(undefined),
    });
    const user = newUser();
    expect((await h.define(defineEvent(user, []))).response.challengeName).toBe('CUSTOM_CHALLENGE');
    const challenge = await h.create(createEvent(user));
    const code = await latestCode(aws.sesUrl, user.email);
    expect(code).toMatch(/^\d{6}$/);
    const verified = await h.verify(verifyEvent(user, code, challenge.response.privateChallengeParameters));
    expect(verified.response.answerCorrect).toBe(true);
    const final = await h.define(defineEvent(user, [codeRound(true)]));
    expect(final.response).toMatchObject({ issueTokens: true, failAuthentication: false });
  });

  it('fails at cold start with a message naming an invalid variable', async () => {
    await expect(importHandlers({ TABLE_NAME: 'entry-point-codes', CODE_LENGTH: '4' })).rejects.toThrow(
      /Invalid configuration: CODE_LENGTH must be a whole number from 6 to 10/,
    );
    process.env.CODE_LENGTH = '';
  });
});
