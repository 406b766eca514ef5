// The local SES refuses a send through a configuration set that does not exist, as SES does (ConfigurationSetDoesNotExist).
import { SESClient, SendEmailCommand, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEmails } from '../../infra/local/mailbox-client.ts';
import { startSes } from '../../infra/local/ses.ts';
import type { RunningServer } from '../../infra/local/listen.ts';

let ses: RunningServer;
let client: SESClient;

beforeAll(async () => {
  ses = await startSes(0, undefined, { configurationSets: ['email-otp-local'] });
  client = new SESClient({ endpoint: ses.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});
afterAll(async () => {
  client?.destroy();
  await ses?.stop();
});

const raw = (to: string, configurationSet?: string) =>
  new SendRawEmailCommand({
    Source: 'no-reply@example.com',
    Destinations: [to],
    ...(configurationSet === undefined ? {} : { ConfigurationSetName: configurationSet }),
    RawMessage: { Data: new TextEncoder().encode(`From: no-reply@example.com\r\nTo: ${to}\r\nSubject: Hi\r\n\r\nHello\r\n`) },
  });

describe('the local SES and configuration sets', () => {
  it('refuses SendRawEmail and SendEmail through an unknown set, keeping nothing in the mailbox', async () => {
    await expect(client.send(raw('unknown-set@example.com', 'no-such-set'))).rejects.toMatchObject({
      name: 'ConfigurationSetDoesNotExistException',
      message: 'Configuration set <no-such-set> does not exist.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      client.send(
        new SendEmailCommand({
          Source: 'no-reply@example.com',
          Destination: { ToAddresses: ['unknown-set@example.com'] },
          ConfigurationSetName: 'no-such-set',
          Message: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'ConfigurationSetDoesNotExistException' });
    expect(await listEmails(ses.url, 'unknown-set@example.com')).toEqual([]);
  });

  it('accepts a send through its own set, or through none', async () => {
    expect((await client.send(raw('own-set@example.com', 'email-otp-local'))).MessageId).toBeTruthy();
    expect((await client.send(raw('own-set@example.com'))).MessageId).toBeTruthy();
    expect(await listEmails(ses.url, 'own-set@example.com')).toHaveLength(2);
  });
});
