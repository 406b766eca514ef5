/** Reads the local SES mailbox (`GET /store` of aws-ses-v2-local), and the code and link in its emails. */
import { codeInHtml, linkInParts } from '../../triggers/contracts/code-email.ts';

export interface MailboxEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  /** The message's header lines as sent (`Content-Language`, `Subject`, ...), where the mailbox kept them. */
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
  /** Epoch seconds. */
  readonly at: number;
}

export async function listEmails(mailboxUrl: string, to?: string): Promise<MailboxEmail[]> {
  const response = await fetch(new URL('/store', mailboxUrl));
  if (!response.ok) throw new Error(`Mailbox answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: MailboxEmail[] };
  const wanted = to?.toLowerCase();
  return wanted ? emails.filter((e) => e.destination.to.some((a) => a.toLowerCase() === wanted)) : emails;
}

/**
 * The code in a code email, or undefined: the element its HTML part marks as the code (`data-sign-in-code`), so
 * any template and language works wherever it puts `{{code}}` as text.
 */
export function codeInEmail(email: MailboxEmail | undefined): string | undefined {
  return codeInHtml(email?.body.html);
}

/** The sign-in link in a code email, found by its `#email=...&link=...` fragment whatever the wording around it, or undefined. */
export function linkInEmail(email: MailboxEmail | undefined): string | undefined {
  return email ? linkInParts(email.body) : undefined;
}

/** The code in the newest email to `to`, or undefined when none arrived. */
export async function latestCode(mailboxUrl: string, to: string): Promise<string | undefined> {
  return codeInEmail((await listEmails(mailboxUrl, to)).at(-1));
}

/** The sign-in link in the newest email to `to`, or undefined when none arrived or it carries no link. */
export async function latestLink(mailboxUrl: string, to: string): Promise<string | undefined> {
  return linkInEmail((await listEmails(mailboxUrl, to)).at(-1));
}
