/**
 * `npm run attack`: what a stranger who knows only a user's email gets against the local stack.
 *
 * One attacker client signs in as the victim's address and answers wrong codes as fast as the endpoint
 * answers (it retries at once when told to wait: the strongest strategy, since waiting earns nothing).
 * The victim, who has the inbox, tries to sign in every VICTIM_EVERY_SECONDS, follows each "Try again in N
 * seconds" like the page's countdown, and opens the sign-in link of the newest email (the page answers with
 * the link's secret, which neither the code's guess limit nor the account's answer pacing applies to).
 *
 * Time is compressed: the answer-pacing window (a day by default) is GUESS_WINDOW_SECONDS long here, and the
 * send window and the code lifetime shrink by the same factor, so a few minutes stand for a day. Figures are
 * printed as measured and scaled back to the defaults.
 */
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { latestLink, listEmails } from '../../infra/local/mailbox-client.ts';
import { FREE_PORTS, startLocalStack } from '../../infra/local/stack.ts';
import { readRefusal } from '../../triggers/contracts/refusal.ts';
import { readSignInLink } from '../../web/client/sign-in-link.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `npm run attack -- --spray`: many accounts against the pool-wide email ceiling instead (spray.ts).
if (process.argv.includes('--spray')) {
  await import('./spray.ts');
  process.exit(0);
}

const DAY = 86_400;
const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const runSeconds = seconds('ATTACK_SECONDS', 300);
/** x60: the smallest send window the triggers accept (60 s) stands for their hour. */
const windowSeconds = seconds('GUESS_WINDOW_SECONDS', 1_440);
const victimEverySeconds = seconds('VICTIM_EVERY_SECONDS', 10);
const scale = DAY / windowSeconds;
/** A person needs ~15 s to open the email and its link; compressed like everything else. */
const victimTypingMs = (15_000 / scale) | 0;

// Count evaluated answers from the triggers' own audit lines.
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
const audit = { answer_wrong: 0, answer_correct: 0, guess_throttled: 0, send_throttled: 0, code_sent: 0 };
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  const text = String(chunk);
  if (text.startsWith('{"level"')) {
    for (const line of text.split('\n').filter(Boolean)) {
      const event = (JSON.parse(line) as { event?: string }).event as keyof typeof audit | undefined;
      if (event && event in audit) audit[event] += 1;
    }
    return true;
  }
  return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stdout.write;

const stack = await startLocalStack({
  ...FREE_PORTS,
  web: false,
  // Both limiters and the code lifetime run on compressed time; the resend interval cannot go under 5 s
  // (Cognito's retry window). Without the page, the links point where it would be.
  triggerEnv: {
    GUESS_WINDOW_SECONDS: String(windowSeconds),
    SEND_WINDOW_SECONDS: String(Math.max(60, Math.round(3_600 / scale))),
    CODE_TTL_SECONDS: String(Math.max(1, Math.round(180 / scale))),
    RESEND_INTERVAL_SECONDS: '5',
    SIGN_IN_LINK_URL: 'http://127.0.0.1:5173/',
  },
});
const { info, pool } = stack;
const victim = 'victim@example.com';
pool.ensureUser(victim);
const client = () => new CognitoIdentityProviderClient({ endpoint: info.cognitoEndpoint, region: info.region, maxAttempts: 1 });
/** Sleeps, but never past the end of the current phase. */
const waitFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, endsAt - Date.now()))));
/** The wait a refusal names, from its machine-readable token (NaN for any other error). */
const retryAfter = (error: unknown) => {
  const refusal = readRefusal((error as Error | undefined)?.message);
  return refusal && 'retryAfterSeconds' in refusal ? refusal.retryAfterSeconds : NaN;
};

let started = Date.now();
let endsAt = Number.POSITIVE_INFINITY;
const running = () => Date.now() < endsAt;
let attackerRequests = 0;
let linkRefusals = 0;

async function attacker() {
  const cognito = client();
  while (running()) {
    try {
      attackerRequests += 1;
      let challenge = await cognito.send(
        new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: info.userPoolClientId, AuthParameters: { USERNAME: victim } }),
      );
      while (challenge.Session && running()) {
        attackerRequests += 1;
        challenge = await cognito.send(
          new RespondToAuthChallengeCommand({
            ClientId: info.userPoolClientId,
            ChallengeName: 'CUSTOM_CHALLENGE',
            Session: challenge.Session,
            ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: '000000' },
          }),
        );
      }
    } catch {
      // Refused or failed: try again at once.
    }
  }
}

/** One sign-in by the person with the inbox; resolves with the seconds it took, or undefined if the run ended first. */
async function victimSignIn(): Promise<number | undefined> {
  const cognito = client();
  const from = Date.now();
  while (running()) {
    try {
      const challenge = await cognito.send(
        new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: info.userPoolClientId, AuthParameters: { USERNAME: victim } }),
      );
      await waitFor(victimTypingMs);
      const link = await latestLink(info.mailboxUrl, victim);
      const secret = (link && readSignInLink(link)?.secret) ?? '';
      const result = await cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: info.userPoolClientId,
          ChallengeName: 'CUSTOM_CHALLENGE',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: secret },
        }),
      );
      if (result.AuthenticationResult) return (Date.now() - from) / 1000;
      linkRefusals += 1; // the code expired between the offer and the click: start again
    } catch (error) {
      const wait = retryAfter(error);
      await waitFor(Number.isFinite(wait) ? wait * 1000 : 200);
    }
  }
  return undefined;
}

async function victimLoop() {
  const waits: number[] = [];
  let unfinished = 0;
  while (running()) {
    const from = Date.now();
    const took = await victimSignIn();
    // Cut off by the end of the run: how long that last sign-in had been waiting.
    if (took === undefined) unfinished = (Date.now() - from) / 1000;
    else waits.push(took);
    await waitFor(victimEverySeconds * 1000);
  }
  return { waits, unfinished };
}

started = Date.now();
endsAt = started + runSeconds * 1000;
console.log(
  `Attack: ${runSeconds} s against the local stack, time compressed x${scale.toFixed(0)} (${((runSeconds * scale) / 3600).toFixed(1)} h at the defaults).`,
);
const [, victimResult] = await Promise.all([attacker(), victimLoop()]);
const elapsed = (Date.now() - started) / 1000;
// The attack stops: how long until the victim is in? (Bounded at an hour of default time.)
const emails = (await listEmails(info.mailboxUrl, victim)).length;
endsAt = Date.now() + (3_600 / scale) * 1000;
const afterAttack = await victimSignIn();
await stack.stop();

const evaluated = audit.answer_wrong;
// The first 4 answers are the burst; the pacing shows in the rest.
const perDay = Math.max(0, evaluated - 4) / elapsed * windowSeconds + 4;
const longest = Math.max(0, ...victimResult.waits);
const row = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);
console.log('\nWhat the attacker got');
row('requests sent', String(attackerRequests));
row('answers evaluated (wrong guesses)', String(evaluated));
row('evaluated per 24 h, projected to the defaults', `${perDay.toFixed(0)} (burst of 4 + the paced rate)`);
row('evaluated per hour, projected to the defaults', (perDay / 24).toFixed(1));
row('chance of guessing a 6-digit code per day', `${((perDay / 1e6) * 100).toFixed(4)} %`);
console.log('What the victim saw');
row('sign-ins completed', String(victimResult.waits.length));
row('longest wait, measured', `${longest.toFixed(1)} s`);
row('longest wait, scaled to the defaults', `${((longest * scale) / 60).toFixed(1)} min`);
row('still waiting when the run ended', victimResult.unfinished ? `yes, for ${victimResult.unfinished.toFixed(1)} s` : 'no');
row('emails received during the attack', String(emails));
row('links refused (code expired as it was opened)', String(linkRefusals));
row('after the attack stops, signed in within', afterAttack === undefined ? 'not within an hour' : `${((afterAttack * scale) / 60).toFixed(1)} min at the defaults`);
console.log(JSON.stringify({ elapsed, evaluated, perDay, victim: victimResult, afterAttack, emails, linkRefusals, audit }));
process.exit(0);
