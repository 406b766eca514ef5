import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailOtpAuth } from '../../infra/cdk/email-otp-auth.ts';
import { synth } from '../helpers/cdk.ts';
import { codeRound, createEvent, newUser, verifyEvent } from '../helpers/cognito-events.ts';
import { startLocalAws, triggersOn, type LocalAws } from '../helpers/local-aws.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

const ACTION_OF: Record<string, string> = {
  GetItemCommand: 'dynamodb:GetItem',
  PutItemCommand: 'dynamodb:PutItem',
  UpdateItemCommand: 'dynamodb:UpdateItem',
  DeleteItemCommand: 'dynamodb:DeleteItem',
  SendRawEmailCommand: 'ses:SendRawEmail',
};

/** Records the IAM action of every AWS call made while `run` runs. */
async function actionsDuring(run: () => Promise<void>): Promise<Set<string>> {
  const seen = new Set<string>();
  const dynamoSend = DynamoDBClient.prototype.send;
  const sesSend = SESClient.prototype.send;
  const record = (original: (...args: any[]) => any) =>
    function (this: unknown, command: { constructor: { name: string } }, ...rest: unknown[]) {
      seen.add(ACTION_OF[command.constructor.name] ?? command.constructor.name);
      return original.call(this, command, ...rest);
    };
  DynamoDBClient.prototype.send = record(dynamoSend) as never;
  SESClient.prototype.send = record(sesSend) as never;
  try {
    await run();
  } finally {
    DynamoDBClient.prototype.send = dynamoSend;
    SESClient.prototype.send = sesSend;
  }
  return seen;
}

function grantedActions(rolePrefix: string): Set<string> {
  const { template } = synth((stack) => new EmailOtpAuth(stack, 'Otp', { fromAddress: 'no-reply@example.com', signInLinkUrl: 'https://app.example.com/' }));
  const statements = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref.startsWith(rolePrefix)))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
  return new Set(statements.flatMap((s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
}

describe('the least-privilege roles cover every call the triggers really make', () => {
  it('Create: new code, reuse, retry round, throttling and the restore after a failed send', async () => {
    let now = Date.now();
    const t = await triggersOn(aws, { MAX_SENDS_PER_HOUR: '2' }, { now: () => now });
    const used = await actionsDuring(async () => {
      const user = newUser();
      await t.create(createEvent(user));
      await t.create(createEvent(user));
      await t.create(createEvent(user, [codeRound(false)]));
      now += 61_000;
      const ses = mockClient(SESClient);
      ses.on(SendRawEmailCommand).rejects(new Error('down'));
      await t.create(createEvent(user)).catch(() => undefined);
      ses.restore();
      await t.create(createEvent(newUser())).catch(() => undefined);
      const fresh = newUser();
      const failing = mockClient(SESClient);
      failing.on(SendRawEmailCommand).rejects(new Error('down'));
      await t.create(createEvent(fresh)).catch(() => undefined); // abandons the pending code
      failing.restore();
    });
    const granted = grantedActions('OtpCreateAuthChallengeRole');
    for (const action of used) expect(granted, `Create calls ${action}`).toContain(action);
    expect([...used].sort()).toEqual(['dynamodb:GetItem', 'dynamodb:UpdateItem', 'ses:SendRawEmail']);
  });

  it('Verify: wrong, right, replayed, locked out and unknown', async () => {
    const t = await triggersOn(aws, { MAX_ATTEMPTS: '1' });
    const user = newUser();
    await t.create(createEvent(user));
    const code = await t.codeFor(user.email);
    const used = await actionsDuring(async () => {
      await t.verify(verifyEvent(user, code));
      await t.verify(verifyEvent(user, code));
      await t.verify(verifyEvent({ userName: 'ghost', userNotFound: true }, '123456'));
    });
    const other = newUser();
    await t.create(createEvent(other));
    const lockout = await actionsDuring(async () => {
      await t.verify(verifyEvent(other, '000000'));
      await t.verify(verifyEvent(other, '000000'));
    });
    const granted = grantedActions('OtpVerifyAuthChallengeResponseRole');
    for (const action of [...used, ...lockout]) expect(granted, `Verify calls ${action}`).toContain(action);
  });
});
