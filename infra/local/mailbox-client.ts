/** Reads the local SES mailbox (`GET /store` of aws-ses-v2-local). */
export interface MailboxEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
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

/** The code in the newest email to `to`, or undefined when none arrived. */
export async function latestCode(mailboxUrl: string, to: string): Promise<string | undefined> {
  const emails = await listEmails(mailboxUrl, to);
  const text = emails.at(-1)?.body.text ?? '';
  return /code for .* is: (\d+)/.exec(text)?.[1];
}
