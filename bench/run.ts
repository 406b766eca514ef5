/**
 * `npm run bench`: latency, throughput, bundle size, cold import, AWS calls and cost per million
 * sign-ins, measured against the local stack. Prints a table and writes bench/results.json.
 * `npm run bench -- --tiny` runs a few iterations of everything (for the smoke test); `-- --bundles-only`
 * measures the bundles alone and writes nothing unless given `--out <file>`.
 * `PEER_TRIGGERS=<dir> npm run bench` also bundles and loads another product's three triggers
 * (`<dir>/define-auth-challenge.ts`, ...) the same way and prints the comparison; without it, the last
 * measured peer figures stay in results.json, marked with their date.
 */
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import {
  createAuthChallengeEvent,
  defineAuthChallengeEvent,
  sessionEntry,
  userSubject,
  verifyAuthChallengeResponseEvent,
  type TriggerSubject,
} from '../infra/local/cognito/trigger-events.ts';
import type { AuthTriggers } from '../infra/local/cognito/trigger-runner.ts';
import { codeInEmail } from '../infra/local/mailbox-client.ts';
import { acceptedEmails } from '../infra/local/ses.ts';
import { FREE_PORTS, startLocalStack, type StackInfo } from '../infra/local/stack.ts';
import { CHALLENGE_METADATA } from '../triggers/domain/trigger-event.ts';
import { countAwsCalls } from './aws-call-counter.ts';
import { measureBundles, type BundleFigures } from './bundles.ts';
import { compareWithBuiltInOtp, costPerMillionSignIns, type Prices } from './cost-model.ts';
import { mailboxCodeReader } from './mailbox-codes.ts';
import { compareWithPeer, describePeer, type PeerComparison } from './peer.ts';
import { signInLoad, signInWith, type LoadFigures } from './sign-in-load.ts';
import { summarize, timeEach, type Summary } from './stats.ts';

const root = resolve(import.meta.dirname, '..');
const tiny = process.argv.includes('--tiny');
const bundlesOnly = process.argv.includes('--bundles-only');
const outArg = process.argv.indexOf('--out');
const outFile = outArg > 0 ? resolve(process.argv[outArg + 1]!) : resolve(root, 'bench/results.json');
const peerDir = process.env.PEER_TRIGGERS ? resolve(process.env.PEER_TRIGGERS) : undefined;
const scale = tiny
  ? { define: 50, handler: 5, signIns: { 1: 3, 10: 10, 50: 50 }, cold: 2, calls: 3 }
  : { define: 5000, handler: 1000, signIns: { 1: 200, 10: 400, 50: 600 }, cold: 20, calls: 50 };
const LAMBDA_MEMORY_MB = 256;

const prices = JSON.parse(readFileSync(resolve(root, 'bench/prices.json'), 'utf8')) as Prices & { compiledOn: string };
type Results = {
  generatedAt: string;
  scale: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverage: number[] };
  handlersMs?: Record<string, Summary>;
  signIn?: LoadFigures[];
  bundles: BundleFigures[];
  peer?: PeerComparison;
  awsCalls?: Record<'perSuccessfulSignIn' | 'perFailedAttempt', ReturnType<typeof perSignIn>>;
  cost?: unknown;
};
const previous = existsSync(outFile) ? (JSON.parse(readFileSync(outFile, 'utf8')) as Partial<Results>) : {};

/** Trigger invocations and their durations, as Lambda would bill them. */
const invocations: Array<{ trigger: keyof AuthTriggers; ms: number }> = [];
const calls = countAwsCalls();
/** What the calls counted since the last reset cost per sign-in (or per attempt). */
function perSignIn(runs: number) {
  const per = (n: number) => Math.round((n / runs) * 100) / 100;
  return {
    lambdaInvocations: per(invocations.length),
    lambdaBilledMs: per(invocations.reduce((sum, i) => sum + Math.ceil(i.ms), 0)),
    dynamodbReads: per(calls.counts.dynamodbReads),
    dynamodbWrites: per(calls.counts.dynamodbWrites),
    sesEmails: per(calls.counts.sesEmails),
  };
}

const results: Results = {
  generatedAt: new Date().toISOString(),
  scale: tiny ? 'tiny' : 'full',
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: [] },
  bundles: [],
};
if (!bundlesOnly) Object.assign(results, await measureStack());
calls.restore();

// Bundles and cold imports in fresh Node processes, the peer's in turn with ours.
const bundles = await measureBundles(root, { own: resolve(root, 'triggers'), ...(peerDir ? { peer: peerDir } : {}) }, scale.cold);
results.bundles = bundles.own!;
if (peerDir) results.peer = compareWithPeer(describePeer(peerDir), bundles.own!, bundles.peer!, results.generatedAt);
else if (previous.peer) results.peer = previous.peer;
results.machine.loadAverage = (await import('node:os')).loadavg().map((n) => Math.round(n * 100) / 100);

// --bundles-only is for quick looks: it writes a file only when given --out, never over the full figures.
const write = !bundlesOnly || outArg > 0;
if (write) writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);

async function measureStack() {
  const interceptTriggers = (real: AuthTriggers): AuthTriggers => {
    const wrap = <K extends 'define' | 'create' | 'verify'>(trigger: K): AuthTriggers[K] =>
      (async (event: unknown) => {
        const started = performance.now();
        try {
          return await (real[trigger] as unknown as (e: unknown) => Promise<unknown>)(event);
        } finally {
          invocations.push({ trigger, ms: performance.now() - started });
        }
      }) as unknown as AuthTriggers[K];
    return { define: wrap('define'), create: wrap('create'), verify: wrap('verify') };
  };
  let clock = 0;
  const stack = await startLocalStack({
    ...FREE_PORTS,
    web: false,
    triggerEnv: { MAX_SENDS_PER_HOUR: '100' },
    interceptTriggers,
    now: () => Date.now() + clock,
  });
  const { info, pool } = stack;
  let userCount = 0;
  /** A fresh pool user, as the triggers see them. */
  const newUser = (): TriggerSubject & { email: string } => {
    userCount += 1;
    const email = `bench${userCount}@example.com`;
    return { ...userSubject(pool.ensureUser(email), info.userPoolClientId), email };
  };
  const reader = mailboxCodeReader();
  const client = new CognitoIdentityProviderClient({ endpoint: info.cognitoEndpoint, region: info.region, maxAttempts: 1 });
  const signIn = signInWith(client, info, reader.read);
  try {
    const handlersMs = await measureHandlers(stack.triggers, info, newUser);
    const signIns: LoadFigures[] = [];
    for (const concurrency of [1, 10, 50] as const) {
      const users = Array.from({ length: scale.signIns[concurrency] }, newUser);
      await fetch(`${info.mailboxUrl}/clear-store`, { method: 'POST' });
      signIns.push(await signInLoad(signIn, users.map((u) => u.email), concurrency));
    }
    clock += 3_600_000; // a fresh hour, so no earlier send is reused
    const awsCalls = await countCalls(client, info, newUser, signIn);
    const perMillion = costPerMillionSignIns(awsCalls.perSuccessfulSignIn, prices, LAMBDA_MEMORY_MB);
    return {
      handlersMs,
      signIn: signIns,
      awsCalls,
      cost: {
        pricesCompiledOn: prices.compiledOn,
        lambdaMemoryMb: LAMBDA_MEMORY_MB,
        perMillionSignIns: perMillion,
        perMillionFailedAttempts: costPerMillionSignIns(awsCalls.perFailedAttempt, prices, LAMBDA_MEMORY_MB),
        versusCognitoBuiltInEmailOtp: [1, 4, 20].map((n) => compareWithBuiltInOtp(perMillion, prices, n)),
      },
    };
  } finally {
    reader.stop();
    client.destroy();
    await stack.stop();
  }
}

/** Each handler in-process, against the local DynamoDB and SES, on events of Cognito's shape. */
async function measureHandlers(triggers: AuthTriggers, info: StackInfo, newUser: () => TriggerSubject & { email: string }) {
  const pool = { region: info.region, userPoolId: info.userPoolId };
  const round = (ok: boolean) => sessionEntry('CUSTOM_CHALLENGE', ok, CHALLENGE_METADATA);
  const defineSessions = [[], [round(false)], [round(true)]];
  const someone = newUser();
  const handlers: Record<string, Summary> = {};
  handlers.define = summarize(
    await timeEach(scale.define, (i) => triggers.define(defineAuthChallengeEvent(pool, someone, [...defineSessions[i % 3]!]))),
  );
  const fresh = Array.from({ length: scale.handler }, newUser);
  /** Each user's session (private challenge parameters), as Cognito hands it to Verify. */
  const sessions: Array<Record<string, string>> = [];
  handlers.createNewCode = summarize(
    await timeEach(scale.handler, async (i) => {
      sessions[i] = (await triggers.create(createAuthChallengeEvent(pool, fresh[i]!, []))).response.privateChallengeParameters;
    }),
  );
  handlers.createReuse = summarize(await timeEach(scale.handler, (i) => triggers.create(createAuthChallengeEvent(pool, fresh[i]!, []))));
  handlers.createRetryRound = summarize(
    await timeEach(scale.handler, (i) => triggers.create(createAuthChallengeEvent(pool, fresh[i]!, [round(false)]))),
  );
  const codes = codesByRecipient();
  const answer = (i: number, right: boolean) => {
    const code = codes.get(fresh[i]!.email)!;
    return triggers.verify(verifyAuthChallengeResponseEvent(pool, fresh[i]!, right ? code : wrongFor(code), sessions[i]!));
  };
  handlers.verifyWrong = summarize(await timeEach(scale.handler, (i) => answer(i, false)));
  handlers.verifyCorrect = summarize(await timeEach(scale.handler, (i) => answer(i, true)));
  invocations.length = 0;
  return handlers;
}

function wrongFor(code: string | undefined): string {
  return code === '000000' ? '111111' : '000000';
}

/** The newest code mailed to each address. */
function codesByRecipient(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const email of acceptedEmails()) {
    const code = codeInEmail(email);
    if (code) codes.set(email.destination.to[0]!.toLowerCase(), code);
  }
  return codes;
}

/** AWS calls per successful sign-in and per failed attempt, counted from the real calls. */
async function countCalls(
  client: CognitoIdentityProviderClient,
  info: StackInfo,
  newUser: () => { email: string },
  signIn: (email: string) => Promise<unknown>,
) {
  const perSuccess = Array.from({ length: scale.calls }, newUser);
  calls.reset();
  invocations.length = 0;
  for (const user of perSuccess) await signIn(user.email);
  const perSuccessfulSignIn = perSignIn(scale.calls);

  const perFailure = Array.from({ length: scale.calls }, newUser);
  const challenges = [];
  for (const user of perFailure) {
    challenges.push(
      await client.send(
        new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: info.userPoolClientId, AuthParameters: { USERNAME: user.email } }),
      ),
    );
  }
  const codes = codesByRecipient();
  calls.reset();
  invocations.length = 0;
  for (const [i, challenge] of challenges.entries()) {
    await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: info.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: wrongFor(codes.get(perFailure[i]!.email)) },
      }),
    );
  }
  return { perSuccessfulSignIn, perFailedAttempt: perSignIn(scale.calls) };
}

function printTable(r: Results) {
  const row = (cells: Array<string | number>) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 16)).join(''));
  console.log(`\nBenchmark (${r.scale}) on ${r.machine.cpus} cores, ${r.machine.node}, load average ${r.machine.loadAverage.join(' / ')}\n`);
  if (r.handlersMs) {
    row(['handler (in-process)', 'median ms', 'p99 ms', 'runs']);
    for (const [name, s] of Object.entries(r.handlersMs)) row([name, s.median, s.p99, s.runs]);
    console.log();
  }
  if (r.signIn) {
    row(['sign-in through the endpoint', 'median ms', 'p99 ms', 'sign-ins/s', 'API calls ms', 'CPU ms each']);
    for (const s of r.signIn) {
      row([`${s.concurrency} concurrent (${s.signIns})`, s.latencyMs.median, s.latencyMs.p99, s.signInsPerSecond, s.authCallsMs.median, s.cpuMsPerSignIn]);
    }
    console.log();
  }
  row(['bundle (minified)', 'bytes', 'gzip bytes', 'cold load ms', 'p99 ms']);
  for (const b of r.bundles) row([b.function, b.bytes, b.gzipBytes, b.coldImportMs.median, b.coldImportMs.p99]);
  console.log();
  for (const b of r.bundles) console.log(`  ${b.function}: ${b.heaviest.map((h) => `${h.from} ${(h.bytes / 1024).toFixed(1)} KB`).join(', ')}`);
  console.log();
  if (r.peer) {
    const when = peerDir ? '' : ` (measured ${r.peer.measuredAt}; set PEER_TRIGGERS to measure again)`;
    console.log(`Versus ${r.peer.source}${when}:`);
    row(['bundle', 'bytes / peer', 'ratio', 'cold ms / peer', 'ratio']);
    for (const c of r.peer.comparison) row([c.function, `${c.bytes} / ${c.peerBytes}`, c.bytesRatio, `${c.coldImportMs} / ${c.peerColdImportMs}`, c.coldImportRatio]);
    console.log();
  }
  if (r.awsCalls) {
    row(['per sign-in', 'lambda calls', 'billed ms', 'DDB reads', 'DDB writes', 'SES emails']);
    for (const [name, c] of Object.entries(r.awsCalls)) row([name, c.lambdaInvocations, c.lambdaBilledMs, c.dynamodbReads, c.dynamodbWrites, c.sesEmails]);
    console.log();
  }
  const cost = r.cost as
    | { pricesCompiledOn: string; perMillionSignIns: { lambda: number; dynamodb: number; ses: number; total: number }; versusCognitoBuiltInEmailOtp: Array<ReturnType<typeof compareWithBuiltInOtp>> }
    | undefined;
  if (cost) {
    const c = cost.perMillionSignIns;
    console.log(`Cost per million sign-ins (prices of ${cost.pricesCompiledOn}): Lambda $${c.lambda}, DynamoDB $${c.dynamodb}, SES $${c.ses}, total $${c.total}`);
    for (const v of cost.versusCognitoBuiltInEmailOtp) {
      console.log(
        `  with ${v.signInsPerMau} sign-ins per user a month (${v.monthlyActiveUsers} MAU): this product on Cognito Lite $${v.thisProduct}, Cognito's built-in email OTP on Essentials $${v.cognitoBuiltInEmailOtp}`,
      );
    }
  }
  if (write) console.log(`\nWrote ${outFile}`);
}
