/**
 * `npm run attack`: what a stranger who knows only a user's email gets against the local stack.
 *
 * One attacker client signs in as the victim's address and answers wrong codes as fast as the endpoint
 * answers (it retries at once when told to wait: the strongest strategy, since waiting earns nothing).
 * The victim, who has the inbox, tries to sign in every VICTIM_EVERY_SECONDS, follows each "Try again in N
 * seconds" like the page's countdown, and reads the code from the mailbox.
 *
 * Time is compressed: the answer-pacing window (a day by default) is GUESS_WINDOW_SECONDS long here, so a
 * few minutes stand for a day. Figures are printed as measured and scaled back to the defaults.
 */
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { codeInEmail, listEmails } from '../../infra/local/mailbox-client.ts';
import { startLocalStack } from '../../infra/local/stack.ts';

const DAY = 86_400;
const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const runSeconds = seconds('ATTACK_SECONDS', 240);
const windowSeconds = seconds('GUESS_WINDOW_SECONDS', 240);
const victimEverySeconds = seconds('VICTIM_EVERY_SECONDS', 10);
const scale = DAY / windowSeconds;
/** A person needs ~15 s to read the email and type the code; compressed like everything else. */
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
  cognitoPort: 0,
  dynamodbPort: 0,
  sesPort: 0,
  webPort: 0,
  web: false,
  // Sends are paced per hour; at the highest rate allowed they do not hide the answer pacing being measured.
  triggerEnv: { GUESS_WINDOW_SECONDS: String(windowSeconds), RESEND_INTERVAL_SECONDS: '5', MAX_SENDS_PER_HOUR: '100' },
});
const { info, pool } = stack;
const victim = 'victim@example.com';
pool.ensureUser(victim);
const client = () => new CognitoIdentityProviderClient({ endpoint: info.cognitoEndpoint, region: info.region, maxAttempts: 1 });
/** Sleeps, but never past the end of the run. */
const waitFor = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, runSeconds * 1000 - (Date.now() - started)))));
const retryAfter = (error: unknown) => Number(/Try again in (\d+) seconds/.exec(String((error as Error).message))?.[1] ?? NaN);

let started = Date.now();
const running = () => Date.now() - started < runSeconds * 1000;
let attackerRequests = 0;

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
      const mail = (await listEmails(info.mailboxUrl, victim)).at(-1);
      const code = codeInEmail(mail) ?? '';
      const result = await cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: info.userPoolClientId,
          ChallengeName: 'CUSTOM_CHALLENGE',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: code },
        }),
      );
      if (result.AuthenticationResult) return (Date.now() - from) / 1000;
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
    const took = await victimSignIn();
    if (took === undefined) unfinished = (Date.now() - started) / 1000;
    else waits.push(took);
    await waitFor(victimEverySeconds * 1000);
  }
  return { waits, unfinished };
}

started = Date.now();
console.log(`Attack: ${runSeconds} s against the local stack; the answer window of a day is ${windowSeconds} s here (x${scale.toFixed(0)}).`);
const [, victimResult] = await Promise.all([attacker(), victimLoop()]);
const elapsed = (Date.now() - started) / 1000;
const emails = (await listEmails(info.mailboxUrl, victim)).length;
await stack.stop();

const evaluated = audit.answer_wrong;
const perDay = (evaluated / elapsed) * windowSeconds;
const longest = Math.max(0, ...victimResult.waits);
const row = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);
console.log('\nWhat the attacker got');
row('requests sent', String(attackerRequests));
row('answers evaluated (wrong guesses)', String(evaluated));
row('evaluated per 24 h, projected to the defaults', perDay.toFixed(0));
row('evaluated per hour, projected to the defaults', (perDay / 24).toFixed(1));
row('chance of guessing a 6-digit code per day', `${((perDay / 1e6) * 100).toFixed(4)} %`);
console.log('What the victim saw');
row('sign-ins completed', String(victimResult.waits.length));
row('longest wait, measured', `${longest.toFixed(1)} s`);
row('longest wait, scaled to the defaults', `${((longest * scale) / 60).toFixed(1)} min`);
row('still waiting when the run ended', victimResult.unfinished ? `yes, since ${victimResult.unfinished.toFixed(0)} s` : 'no');
row('emails received', String(emails));
console.log(JSON.stringify({ elapsed, evaluated, perDay, victim: victimResult, emails, audit }));
process.exit(0);
