import { codeInEmail } from '../infra/local/mailbox-client.ts';
import { acceptedEmails } from '../infra/local/ses.ts';

const POLL_MS = 2;
const GIVE_UP_MS = 5_000;

/**
 * The signing-in users' inboxes: one watcher reads the emails the local SES accepted (in this process, as
 * the stack runs here) and hands each waiting user the code mailed to them since they asked. Reading the
 * whole mailbox over HTTP once per waiting user and poll, as the bench did before, added about 2 ms of CPU per
 * sign-in at 50 concurrent users (11.2 -> 9.4 ms); a person reading their inbox is no work of the stack's.
 */
export function mailboxCodeReader() {
  const waiting = new Map<string, { sinceSeconds: number; resolve: (code: string) => void }>();
  let seen = 0;
  let timer: NodeJS.Timeout | undefined;
  const poll = () => {
    const emails = acceptedEmails();
    if (emails.length < seen) seen = 0; // the mailbox was cleared
    for (; seen < emails.length; seen++) {
      const email = emails[seen]!;
      const to = email.destination.to[0]?.toLowerCase() ?? '';
      const waiter = waiting.get(to);
      const code = codeInEmail(email);
      if (waiter && code && email.at >= waiter.sinceSeconds) {
        waiting.delete(to);
        waiter.resolve(code);
      }
    }
    timer = waiting.size > 0 ? setTimeout(poll, POLL_MS) : undefined;
  };
  return {
    /** The code mailed to `email` at or after `sinceSeconds`; looks back over mail already delivered first. */
    read(email: string, sinceSeconds: number): Promise<string> {
      const to = email.toLowerCase();
      const delivered = acceptedEmails().findLast((e) => e.destination.to[0]?.toLowerCase() === to && e.at >= sinceSeconds);
      const code = codeInEmail(delivered);
      if (code) return Promise.resolve(code);
      return new Promise((resolve, reject) => {
        const giveUp = setTimeout(() => {
          waiting.delete(to);
          reject(new Error(`no code mailed to ${email}`));
        }, GIVE_UP_MS);
        waiting.set(to, { sinceSeconds, resolve: (found) => (clearTimeout(giveUp), resolve(found)) });
        timer ??= setTimeout(poll, POLL_MS);
      });
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
