import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { CLEANUP_RESERVE_MS, callOptions } from './aws-clients.ts';
import type { CodeEmail } from './email-template.ts';
import { MailerError } from './errors.ts';

export interface Mailer {
  /** Sends one email; resolves once SES has accepted it, throws MailerError otherwise. */
  send(to: string, email: CodeEmail): Promise<void>;
}

export interface SesMailerOptions {
  readonly from: string;
  readonly configurationSet?: string | undefined;
}

export function createSesMailer(ses: SESClient, { from, configurationSet }: SesMailerOptions): Mailer {
  return {
    async send(to, email) {
      try {
        await ses.send(
          new SendEmailCommand({
            Source: from,
            Destination: { ToAddresses: [to] },
            ConfigurationSetName: configurationSet,
            Message: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
            },
          }),
          callOptions(CLEANUP_RESERVE_MS),
        );
      } catch (error) {
        throw new MailerError(error);
      }
    },
  };
}
