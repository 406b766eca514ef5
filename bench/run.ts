/**
 * `npm run bench`: latency, throughput, bundle size, cold import, AWS calls and cost per million
 * sign-ins, measured against the local stack. Prints a table and writes bench/results.json.
 * `npm run bench -- --tiny` runs a few iterations of everything (for the smoke test).
 */
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

import { InitiateAuthCommand, RespondToAuthChallengeCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { AuthTriggers } from '../infra/local/cognito/trigger-runner.ts';
import { listEmails } from '../infra/local/mailbox-client.ts';
import { ensureCodeKeyFile } from '../infra/local/code-key-file.ts';
import { startLocalStack, TABLE_NAME } from '../infra/local/stack.ts';
import { loadConfig } from '../triggers/config.ts';
import { createCreateAuthChallengeHandler } from '../triggers/handlers/create.ts';
import { createDefineAuthChallengeHandler } from '../triggers/handlers/define.ts';
import { createVerifyAuthChallengeResponseHandler } from '../triggers/handlers/verify.ts';
import { createRuntime } from '../triggers/runtime.ts';
import { codeRound, createEvent, defineEvent, verifyEvent } from '../test/helpers/cognito-events.ts';
import { countAwsCalls } from './aws-call-counter.ts';
import { measureBundles } from './bundles.ts';
import { compareWithBuiltInOtp, costPerMillionSignIns, type Prices } from './cost-model.ts';
import { summarize, timeEach, type Summary } from './stats.ts';

const root = resolve(import.meta.dirname, '..');
const tiny = process.argv.includes('--tiny');
const outArg = process.argv.indexOf('--out');
const outFile = outArg > 0 ? resolve(process.argv[outArg + 1]!) : resolve(root, 'bench/results.json');
const scale = tiny
  ? { define: 50, handler: 5, signIns: { 1: 3, 10: 10, 50: 50 }, cold: 2, calls: 3 }
  : { define: 5000, handler: 1000, signIns: { 1: 200, 10: 400, 50: 600 }, cold: 20, calls: 50 };
const LAMBDA_MEMORY_MB = 256;

const prices = JSON.parse(readFileSync(resolve(root, 'bench/prices.json'), 'utf8')) as Prices & { compiledOn: string };
const calls = countAwsCalls();

/** Trigger invocations and their durations, as Lambda would bill them. */
const invocations: Array<{ trigger: keyof AuthTriggers; ms: number }> = [];
const timed = (real: AuthTriggers): AuthTriggers => {
  const wrap = <K extends keyof AuthTriggers>(trigger: K): AuthTriggers[K] =>
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
  cognitoPort: 0,
  dynamodbPort: 0,
  sesPort: 0,
  webPort: 0,
  web: false,
  triggerEnv: { MAX_SENDS_PER_HOUR: '100' },
  interceptTriggers: timed,
  now: () => Date.now() + clock,
});
const { info, pool } = stack;
let userCount = 0;
const newUser = () => {
  userCount += 1;
  const email = `bench${userCount}@example.com`;
  const user = pool.ensureUser(email);
  return { userName: user.username, email };
};

async function codesByRecipient(since: number): Promise<Map<string, string>> {
  const emails = (await listEmails(info.mailboxUrl)).filter((email) => email.at >= since);
  const codes = new Map<string, string>();
  for (const email of emails) {
    const code = /is: (\d+)/.exec(email.body.text ?? '')?.[1];
    if (code) codes.set(email.destination.to[0]!.toLowerCase(), code);
  }
  return codes;
}

async function latestCodeFor(email: string, sinceSeconds: number): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const response = await fetch(`${info.mailboxUrl}/store?since=${sinceSeconds}`);
    const { emails } = (await response.json()) as { emails: Array<{ destination: { to: string[] }; body: { text?: string } }> };
    const mine = emails.filter((e) => e.destination.to[0] === email).at(-1);
    const code = mine && /is: (\d+)/.exec(mine.body.text ?? '')?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no code for ${email}`);
}

// 1. Each handler in-process, against the local DynamoDB and SES.
const config = loadConfig({
  TABLE_NAME,
  SES_FROM_ADDRESS: 'no-reply@example.com',
  MAX_SENDS_PER_HOUR: '100',
  CODE_KEY_FILE: ensureCodeKeyFile(undefined),
});
const runtime = createRuntime(config);
const define = createDefineAuthChallengeHandler({ signInMode: 'code', maxRounds: 3 }, runtime.audit);
const create = createCreateAuthChallengeHandler(runtime);
const verify = createVerifyAuthChallengeResponseHandler(runtime);

const defineSessions = [[], [codeRound(false)], [codeRound(true)]] as const;
const handlers: Record<string, Summary> = {};
handlers.define = summarize(await timeEach(scale.define, (i) => define(defineEvent({ userName: 'u' }, [...defineSessions[i % 3]!]))));
const sinceHandlers = Math.floor(Date.now() / 1000) - 1;
const fresh = Array.from({ length: scale.handler }, newUser);
/** Each user's session (private challenge parameters), as Cognito hands it to Verify. */
const handlerSessions: Array<Record<string, string>> = [];
handlers.createNewCode = summarize(
  await timeEach(scale.handler, async (i) => {
    handlerSessions[i] = (await create(createEvent(fresh[i]!))).response.privateChallengeParameters;
  }),
);
handlers.createReuse = summarize(await timeEach(scale.handler, (i) => create(createEvent(fresh[i]!))));
handlers.createRetryRound = summarize(await timeEach(scale.handler, (i) => create(createEvent(fresh[i]!, [codeRound(false)]))));
const codes = await codesByRecipient(sinceHandlers);
handlers.verifyWrong = summarize(
  await timeEach(scale.handler, (i) =>
    verify(verifyEvent(fresh[i]!, codes.get(fresh[i]!.email) === '000000' ? '111111' : '000000', handlerSessions[i])),
  ),
);
handlers.verifyCorrect = summarize(
  await timeEach(scale.handler, (i) => verify(verifyEvent(fresh[i]!, codes.get(fresh[i]!.email)!, handlerSessions[i]))),
);

// 2. Full sign-ins through the local endpoint with the real SDK client.
const client = new CognitoIdentityProviderClient({ endpoint: info.cognitoEndpoint, region: info.region, maxAttempts: 1 });
async function signIn(email: string) {
  const since = Math.floor(Date.now() / 1000) - 1;
  const started = performance.now();
  const challenge = await client.send(
    new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: info.userPoolClientId, AuthParameters: { USERNAME: email } }),
  );
  const initiated = performance.now();
  const code = await latestCodeFor(email, since);
  const answering = performance.now();
  const result = await client.send(
    new RespondToAuthChallengeCommand({
      ClientId: info.userPoolClientId,
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: challenge.Session,
      ChallengeResponses: { USERNAME: challenge.ChallengeParameters!.USERNAME!, ANSWER: code },
    }),
  );
  if (!result.AuthenticationResult?.IdToken) throw new Error('sign-in did not issue tokens');
  const done = performance.now();
  return { total: done - started, authCalls: initiated - started + (done - answering) };
}

const signIns = [];
for (const concurrency of [1, 10, 50] as const) {
  const total = scale.signIns[concurrency];
  const users = Array.from({ length: total }, newUser);
  await fetch(`${info.mailboxUrl}/clear-store`, { method: 'POST' });
  const totals: number[] = [];
  const authCalls: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < users.length) {
        const user = users[next++]!;
        const figures = await signIn(user.email);
        totals.push(figures.total);
        authCalls.push(figures.authCalls);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  signIns.push({
    concurrency,
    signIns: total,
    latencyMs: summarize(totals),
    authCallsMs: summarize(authCalls),
    signInsPerSecond: Math.round((total / seconds) * 10) / 10,
  });
}

// 3. AWS calls per successful sign-in and per failed attempt, counted from the real calls.
await fetch(`${info.mailboxUrl}/clear-store`, { method: 'POST' });
clock += 3_600_000; // a fresh hour, so no earlier send is reused
const perSuccess = Array.from({ length: scale.calls }, newUser);
calls.reset();
invocations.length = 0;
for (const user of perSuccess) await signIn(user.email);
/** What the calls counted since the last reset cost per sign-in (or per attempt). */
const perSignIn = () => {
  const per = (n: number) => Math.round((n / scale.calls) * 100) / 100;
  return {
    lambdaInvocations: per(invocations.length),
    lambdaBilledMs: per(invocations.reduce((sum, i) => sum + Math.ceil(i.ms), 0)),
    dynamodbReads: per(calls.counts.dynamodbReads),
    dynamodbWrites: per(calls.counts.dynamodbWrites),
    sesEmails: per(calls.counts.sesEmails),
  };
};
const success = perSignIn();
const perFailure = Array.from({ length: scale.calls }, newUser);
const sinceFailures = Math.floor(Date.now() / 1000) - 1; // the mailbox stamps real time
const sessions = [];
for (const user of perFailure) {
  sessions.push(
    await client.send(
      new InitiateAuthCommand({ AuthFlow: 'CUSTOM_AUTH', ClientId: info.userPoolClientId, AuthParameters: { USERNAME: user.email } }),
    ),
  );
}
const failureCodes = await codesByRecipient(sinceFailures);
calls.reset();
invocations.length = 0;
for (const [i, session] of sessions.entries()) {
  const wrong = failureCodes.get(perFailure[i]!.email) === '000000' ? '111111' : '000000';
  await client.send(
    new RespondToAuthChallengeCommand({
      ClientId: info.userPoolClientId,
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: session.Session,
      ChallengeResponses: { USERNAME: session.ChallengeParameters!.USERNAME!, ANSWER: wrong },
    }),
  );
}
const failure = perSignIn();
calls.restore();
client.destroy();
await stack.stop();

// 4. Bundles and cold imports in fresh Node processes.
const bundles = await measureBundles(root, scale.cold);

// 5. Cost.
const perMillion = costPerMillionSignIns(success, prices, LAMBDA_MEMORY_MB);
const results = {
  generatedAt: new Date().toISOString(),
  scale: tiny ? 'tiny' : 'full',
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
  handlersMs: handlers,
  signIn: signIns,
  bundles,
  awsCalls: { perSuccessfulSignIn: success, perFailedAttempt: failure },
  cost: {
    pricesCompiledOn: prices.compiledOn,
    lambdaMemoryMb: LAMBDA_MEMORY_MB,
    perMillionSignIns: perMillion,
    perMillionFailedAttempts: costPerMillionSignIns(failure, prices, LAMBDA_MEMORY_MB),
    versusCognitoBuiltInEmailOtp: [1, 4, 20].map((n) => compareWithBuiltInOtp(perMillion, prices, n)),
  },
};
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);

function printTable(r: typeof results) {
  const row = (cells: Array<string | number>) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 16)).join(''));
  console.log(`\nBenchmark (${r.scale}) on ${r.machine.cpus} cores, ${r.machine.node}\n`);
  row(['handler (in-process)', 'median ms', 'p99 ms', 'runs']);
  for (const [name, s] of Object.entries(r.handlersMs)) row([name, s.median, s.p99, s.runs]);
  console.log();
  row(['sign-in through the endpoint', 'median ms', 'p99 ms', 'sign-ins/s', 'API calls ms']);
  for (const s of r.signIn) row([`${s.concurrency} concurrent (${s.signIns})`, s.latencyMs.median, s.latencyMs.p99, s.signInsPerSecond, s.authCallsMs.median]);
  console.log();
  row(['bundle (minified)', 'bytes', 'gzip bytes', 'cold load ms', 'p99 ms']);
  for (const b of r.bundles) row([b.function, b.bytes, b.gzipBytes, b.coldImportMs.median, b.coldImportMs.p99]);
  console.log();
  row(['per sign-in', 'lambda calls', 'billed ms', 'DDB reads', 'DDB writes', 'SES emails']);
  for (const [name, c] of Object.entries(r.awsCalls)) row([name, c.lambdaInvocations, c.lambdaBilledMs, c.dynamodbReads, c.dynamodbWrites, c.sesEmails]);
  console.log();
  const cost = r.cost.perMillionSignIns;
  console.log(
    `Cost per million sign-ins (prices of ${r.cost.pricesCompiledOn}): Lambda $${cost.lambda}, DynamoDB $${cost.dynamodb}, SES $${cost.ses}, total $${cost.total}`,
  );
  for (const c of r.cost.versusCognitoBuiltInEmailOtp) {
    console.log(
      `  with ${c.signInsPerMau} sign-ins per user a month (${c.monthlyActiveUsers} MAU): this product on Cognito Lite $${c.thisProduct}, Cognito's built-in email OTP on Essentials $${c.cognitoBuiltInEmailOtp}`,
    );
  }
  console.log(`\nWrote ${outFile}`);
}
