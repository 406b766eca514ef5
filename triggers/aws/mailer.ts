import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { CLEANUP_RESERVE_MS, callOptions } from '../domain/deadline.ts';
import type { MessageTag } from '../domain/delivery.ts';
import type { CodeEmail } from '../domain/email-template.ts';
import { MailerError } from '../domain/errors.ts';
import { mimeMessage } from '../domain/mime-message.ts';

export interface Mailer {
  /**
   * Sends one email; resolves once SES has accepted it, throws MailerError otherwise. `tags` are SES message tags,
   * which SES includes in the events it publishes (`mail.tags`): the delivery feedback finds the user's item by them.
   */
  send(to: string, email: CodeEmail, tags?: readonly MessageTag[]): Promise<void>;
}

export interface SesMailerOptions {
  readonly from: string;
  readonly configurationSet?: string | undefined;
}

export function createSesMailer(ses: SESClient, { from, configurationSet }: SesMailerOptions): Mailer {
  return {
    async send(to, email, tags = []) {
      try {
        await ses.send(
          // Raw, as SendEmail cannot carry the message's Content-Language.
          new SendRawEmailCommand({
            Source: from,
            Destinations: [to],
            ConfigurationSetName: configurationSet,
            ...(tags.length > 0 ? { Tags: tags.map((tag) => ({ ...tag })) } : {}),
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
