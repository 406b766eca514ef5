/**
 * `npm run attack -- --spray`: a stranger starting sign-ins for many addresses against the local stack, with the
 * pool-wide ceiling MAX_EMAILS_PER_HOUR set low. Prints, per clock hour, the emails sent against the ceiling, the
 * refusals, and whether unknown addresses get the same refusal as known ones (they must: the ceiling must not tell
 * them apart). Known and unknown addresses alternate; each gets one sign-in start per hour.
 *
 * Bounded: SPRAY_ACCOUNTS known addresses (default 200, at most 5,000) and as many unknown ones, SPRAY_HOURS clock
 * hours (default 2, at most 6; the stack's clock is moved forward between them), SPRAY_SECONDS of wall time at most
 * (default 120), a few requests at a time, 127.0.0.1 only. Figures only: nothing here is a timed assertion.
 */
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { acceptedEmails } from '../../infra/local/ses.ts';
import { FREE_PORTS, startLocalStack } from '../../infra/local/stack.ts';
import { readRefusal } from '../../triggers/contracts/refusal.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const bounded = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
};
const ceiling = bounded('SPRAY_CEILING', 50, 100_000);
const accounts = bounded('SPRAY_ACCOUNTS', 200, 5_000);
const hours = bounded('SPRAY_HOURS', 2, 6);
const wallSeconds = bounded('SPRAY_SECONDS', 120, 3_600);
const PARALLEL = 8;
const HOUR = 3_600_000;

// Count what the triggers did from their own audit lines (known and unknown addresses apart).
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
const counts = { mailed: 0, pretended: 0, ceilingKnown: 0, ceilingUnknown: 0, otherAudit: 0 };
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  const text = String(chunk);
  if (!text.startsWith('{"level"')) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  for (const line of text.split('\n').filter(Boolean)) {
    const { event, userNotFound } = JSON.parse(line) as { event?: string; userNotFound?: boolean };
    if (event === 'code_sent') counts[userNotFound ? 'pretended' : 'mailed'] += 1;
    else if (event === 'ceiling_reached') counts[userNotFound ? 'ceilingUnknown' : 'ceilingKnown'] += 1;
    else if (event !== 'sign_in_failed') counts.otherAudit += 1;
  }
  return true;
}) as typeof process.stdout.write;

// The clock starts a minute into an hour so that each hour's spray stays inside one ceiling window.
let clock = Math.floor(Date.now() / HOUR) * HOUR + 60_000;
const startedAt = Date.now();
const stack = await startLocalStack({
  ...FREE_PORTS,
  web: false,
  now: () => clock + (Date.now() - startedAt),
  triggerEnv: { MAX_EMAILS_PER_HOUR: String(ceiling), SIGN_IN_LINK_URL: '' },
});
const { info, pool } = stack;
const run = `${process.pid}.${Date.now().toString(36)}`;
const known = Array.from({ length: accounts }, (_, i) => `sprayed${i}.${run}@example.com`);
const unknown = Array.from({ length: accounts }, (_, i) => `nobody${i}.${run}@example.com`);
for (const email of known) pool.ensureUser(email);
const targets = known.flatMap((email, i) => [{ email, known: true }, { email: unknown[i]!, known: false }]);

const client = new CognitoIdentityProviderClient({ endpoint: info.cognitoEndpoint, region: info.region, maxAttempts: 1 });
const deadline = startedAt + wallSeconds * 1000;

interface HourFigures {
  started: { known: number; unknown: number };
  challenges: { known: number; unknown: number };
  ceilingRefusals: { known: number; unknown: number };
  otherRefusals: Record<string, number>;
  /** The refusal text with its number taken out, by kind of address: equal when the ceiling tells nothing. */
  refusalTexts: { known: Set<string>; unknown: Set<string> };
  retryAfter: number[];
  emailsAccepted: number;
  codesIssued: number;
}

async function sprayHour(): Promise<HourFigures> {
  const figures: HourFigures = {
    started: { known: 0, unknown: 0 },
    challenges: { known: 0, unknown: 0 },
    ceilingRefusals: { known: 0, unknown: 0 },
    otherRefusals: {},
    refusalTexts: { known: new Set(), unknown: new Set() },
    retryAfter: [],
    emailsAccepted: 0,
    codesIssued: 0,
  };
  const mailedBefore = acceptedEmails().length;
  const issuedBefore = counts.mailed + counts.pretended;
  let next = 0;
  const worker = async () => {
    while (next < targets.length && Date.now() < deadline) {
      const target = targets[next++]!;
      const kind = target.known ? 'known' : 'unknown';
      figures.started[kind] += 1;
      try {
        await client.send(new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: info.userPoolClientId, AuthParameters: { USERNAME: target.email } }));
        figures.challenges[kind] += 1;
      } catch (error) {
        const message = (error as Error).message;
        const refusal = readRefusal(message);
        if (refusal?.kind === 'email-ceiling') {
          figures.ceilingRefusals[kind] += 1;
          figures.retryAfter.push(refusal.retryAfterSeconds);
          figures.refusalTexts[kind].add(message.replace(/\d+/g, 'N'));
        } else {
          const name = refusal?.kind ?? (error as Error).name;
          figures.otherRefusals[name] = (figures.otherRefusals[name] ?? 0) + 1;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  // The SES worker reports each accepted email a moment after it answered.
  await new Promise((resolve) => setTimeout(resolve, 200));
  figures.emailsAccepted = acceptedEmails().length - mailedBefore;
  figures.codesIssued = counts.mailed + counts.pretended - issuedBefore;
  return figures;
}

const row = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);
console.log(
  `Spray: ${accounts} known and ${accounts} unknown addresses, one sign-in start each per clock hour, ${hours} hour(s), ` +
    `MAX_EMAILS_PER_HOUR=${ceiling}, against the local stack (${info.cognitoEndpoint}).`,
);
const results: HourFigures[] = [];
for (let hour = 1; hour <= hours && Date.now() < deadline; hour++) {
  const figures = await sprayHour();
  results.push(figures);
  const sameText =
    figures.refusalTexts.known.size === 0 || figures.refusalTexts.unknown.size === 0
      ? 'n/a (one side was not refused)'
      : [...figures.refusalTexts.known].sort().join('|') === [...figures.refusalTexts.unknown].sort().join('|')
        ? 'yes (same text, same token)'
        : 'NO';
  console.log(`\nHour ${hour}`);
  row('sign-ins started: known / unknown', `${figures.started.known} / ${figures.started.unknown}`);
  row('codes issued: ceiling slots, known and unknown alike', `${figures.codesIssued} of ${ceiling}`);
  row('emails SES accepted (known addresses only)', String(figures.emailsAccepted));
  row('challenges answered: known / unknown', `${figures.challenges.known} / ${figures.challenges.unknown}`);
  row('refused at the ceiling: known / unknown', `${figures.ceilingRefusals.known} / ${figures.ceilingRefusals.unknown}`);
  row('refusal the same for unknown addresses', sameText);
  if (figures.retryAfter.length > 0) row('"try again in" named (seconds)', `${Math.min(...figures.retryAfter)}–${Math.max(...figures.retryAfter)}`);
  if (Object.keys(figures.otherRefusals).length > 0) row('other errors', JSON.stringify(figures.otherRefusals));
  // The next clock hour: a new ceiling window.
  clock += HOUR;
}
const elapsed = (Date.now() - startedAt) / 1000;
if (results.length < hours) console.log(`\nStopped after ${results.length} hour(s): SPRAY_SECONDS=${wallSeconds} reached.`);
console.log(`\nWall time ${elapsed.toFixed(1)} s. Without the ceiling every known address would have been mailed: ${accounts} emails an hour.`);
console.log(
  JSON.stringify({
    ceiling,
    accounts,
    hours: results.map((f) => ({
      started: f.started,
      codesIssued: f.codesIssued,
      emailsAccepted: f.emailsAccepted,
      challenges: f.challenges,
      ceilingRefusals: f.ceilingRefusals,
      otherRefusals: f.otherRefusals,
    })),
    audit: counts,
  }),
);
client.destroy();
await stack.stop();
process.exit(0);
