/**
 * The SES mailbox simulator, as SES answers it: a send to `bounce@`, `suppressionlist@`, `complaint@`, `ooto@` or
 * `success@simulator.amazonses.com` is accepted, and then the configuration set publishes what happened to it
 * (event publishing's JSON, `mail.tags` included) to its SNS topic. Here that topic is a function call: the event
 * goes to the SES feedback handler in-process, wrapped as SNS wraps it for Lambda.
 */
import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';

/** What SES does with a simulator address (https://docs.aws.amazon.com/ses/latest/dg/send-an-email-from-console.html#send-email-simulator). */
export type SimulatorOutcome = 'delivery' | 'bounce' | 'suppressed' | 'complaint' | 'ooto';

export function simulatorOutcome(address: string): SimulatorOutcome | undefined {
  const match = /^([a-z]+)(?:\+[^@]*)?@simulator\.amazonses\.com$/i.exec(address.trim());
  switch (match?.[1]?.toLowerCase()) {
    case 'success':
      return 'delivery';
    case 'bounce':
      return 'bounce';
    case 'suppressionlist':
      return 'suppressed';
    case 'complaint':
      return 'complaint';
    case 'ooto':
      return 'ooto';
    default:
      return undefined;
  }
}

/** One accepted send, as the local SES saw it. */
export interface SentMessage {
  readonly messageId: string;
  readonly source: string;
  readonly destination: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly configurationSet?: string | undefined;
}

/**
 * The event SES publishes for a simulator send, in event publishing's shape (`eventType`, `bounce`/`complaint`,
 * `mail` with `tags` as lists), or undefined when it publishes none that the feedback function reads (a delivery,
 * an out-of-office answer). Only with a configuration set: without one, SES publishes no event.
 */
export function simulatorEvent(sent: SentMessage, at = new Date()): Record<string, unknown> | undefined {
  const outcome = simulatorOutcome(sent.destination);
  if (!sent.configurationSet || (outcome !== 'bounce' && outcome !== 'suppressed' && outcome !== 'complaint')) return undefined;
  return sesFeedbackEvent(outcome, sent, at);
}

/** A bounce (permanent, on the suppression list, or transient) or complaint event for `sent`, as SES publishes it. */
export function sesFeedbackEvent(outcome: 'bounce' | 'suppressed' | 'transient' | 'complaint', sent: SentMessage, at = new Date()): Record<string, unknown> {
  const timestamp = at.toISOString();
  const mail = {
    timestamp,
    // Only with a configuration set does SES publish events; this tag names it.
    source: sent.source,
    messageId: sent.messageId,
    destination: [sent.destination],
    tags: {
      'ses:configuration-set': [sent.configurationSet ?? ''],
      'ses:source-ip': ['127.0.0.1'],
      ...Object.fromEntries(Object.entries(sent.tags).map(([name, value]) => [name, [value]])),
    },
  };
  if (outcome === 'complaint') {
    return {
      eventType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: sent.destination }], timestamp, feedbackId: randomUUID(), complaintFeedbackType: 'abuse' },
      mail,
    };
  }
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType: outcome === 'transient' ? 'Transient' : 'Permanent',
      bounceSubType: outcome === 'suppressed' ? 'OnAccountSuppressionList' : outcome === 'transient' ? 'MailboxFull' : 'General',
      bouncedRecipients: [{ emailAddress: sent.destination, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
      timestamp,
      feedbackId: randomUUID(),
    },
    mail,
  };
}

/** The event as SNS hands it to a subscribed Lambda function. */
export function snsEventOf(message: Record<string, unknown>, topicArn = 'arn:aws:sns:us-east-1:000000000000:email-otp-ses-feedback'): SNSEvent {
  const now = new Date().toISOString();
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: topicArn,
          Subject: 'Amazon SES Email Event Notification',
          Message: JSON.stringify(message),
          Timestamp: now,
          SignatureVersion: '1',
          Signature: '',
          SigningCertUrl: '',
          UnsubscribeUrl: '',
          MessageAttributes: {},
        },
      },
    ],
  };
}

/** The notice SES mails the sender about a bounce or complaint (email feedback forwarding), for the mailbox page. */
export function feedbackNotice(sent: SentMessage, event: Record<string, unknown>): { from: string; to: string; subject: string; text: string } {
  const bounce = event.eventType === 'Bounce';
  return {
    from: 'MAILER-DAEMON@amazonses.com',
    to: sent.source,
    subject: bounce ? 'Delivery Status Notification (Failure)' : 'Complaint about your message',
    text: bounce
      ? `An error occurred while trying to deliver the mail to the following recipients:\n${sent.destination}\n\n` +
        `(local SES mailbox simulator: a permanent bounce, message ${sent.messageId}; the sign-in recorded it and sends no code to this address for a while)`
      : `The recipient ${sent.destination} marked message ${sent.messageId} as spam.\n\n` +
        '(local SES mailbox simulator: a complaint; the sign-in recorded it and sends no code to this address for a while)',
  };
}
