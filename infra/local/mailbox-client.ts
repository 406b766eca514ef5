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

/** The code in a code email's text part (the default template's wording), or undefined. */
export function codeInEmail(email: MailboxEmail | undefined): string | undefined {
  return /code for .* is: (\d+)/.exec(email?.body.text ?? '')?.[1];
}

/** The sign-in link in a code email's text part (the default template's wording), or undefined. */
export function linkInEmail(email: MailboxEmail | undefined): string | undefined {
  return /sign in:\n(\S+#\S*link=[A-Za-z0-9_-]+)/.exec(email?.body.text ?? '')?.[1];
}

/** The code in the newest email to `to`, or undefined when none arrived. */
export async function latestCode(mailboxUrl: string, to: string): Promise<string | undefined> {
  return codeInEmail((await listEmails(mailboxUrl, to)).at(-1));
}

/** The sign-in link in the newest email to `to`, or undefined when none arrived or it carries no link. */
export async function latestLink(mailboxUrl: string, to: string): Promise<string | undefined> {
  return linkInEmail((await listEmails(mailboxUrl, to)).at(-1));
}
