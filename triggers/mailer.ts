import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { CLEANUP_RESERVE_MS, callOptions } from './aws-clients.ts';
import type { CodeEmail } from './email-template.ts';
import { MailerError } from './errors.ts';
import { mimeMessage } from './mime-message.ts';

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
          // Raw, as SendEmail cannot carry the message's Content-Language.
          new SendRawEmailCommand({
            Source: from,
            Destinations: [to],
            ConfigurationSetName: configurationSet,
            RawMessage: { Data: new TextEncoder().encode(mimeMessage(from, to, email)) },
          }),
          callOptions(CLEANUP_RESERVE_MS),
        );
      } catch (error) {
        throw new MailerError(error);
      }
    },
  };
}
