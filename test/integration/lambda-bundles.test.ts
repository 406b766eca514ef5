import type { CreateAuthChallengeTriggerEvent, DefineAuthChallengeTriggerEvent, VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triggerBuildOptions } from '../../infra/cdk/trigger-bundling.ts';
import { ensureCodeKeyFile } from '../../infra/local/code-key-file.ts';
import { createCodeTable } from '../../infra/local/dynamodb.ts';
import { latestCode } from '../../infra/local/mailbox-client.ts';
import { codeRound, createEvent, defineEvent, newUser, verifyEvent } from '../helpers/cognito-events.ts';
import { invokeOnLambdaNode } from '../helpers/lambda-runtime.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';

const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'otp-lambda-bundles-'));
let aws: LocalAws;
const inputs: Record<string, string[]> = {};
/** Bytes each input takes in the bundle, by input path. */
const bytesIn: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  aws = await startLocalAws();
  await createCodeTable(aws.dynamodbUrl, 'bundle-codes');
  for (const entry of ['define-auth-challenge', 'create-auth-challenge', 'verify-auth-challenge-response']) {
    const result = await build({
      ...triggerBuildOptions(root),
      entryPoints: [join(root, 'triggers', `${entry}.ts`)],
      outfile: join(out, `${entry}.cjs`),
      metafile: true,
    });
    inputs[entry] = Object.keys(result.metafile.inputs);
    const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith(`${entry}.cjs`))![1];
    bytesIn[entry] = Object.fromEntries(Object.entries(output.inputs).map(([path, { bytesInOutput }]) => [path, bytesInOutput]));
  }
}, 60_000);
afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await aws?.stop();
});

describe('the bundles the construct deploys sign a user in, with the environment as their only credential source', () => {
  it('leave the default credential chain and its STS and SSO clients out', () => {
    for (const files of [inputs['create-auth-challenge']!, inputs['verify-auth-challenge-response']!]) {
      expect(files.some((f) => f.includes('triggers/bundling/lambda-credentials.ts'))).toBe(true);
      expect(files.filter((f) => /credential-provider-node|nested-clients|credential-provider-(ini|sso|web-identity)/.test(f))).toEqual([]);
    }
    expect(inputs['define-auth-challenge']!.filter((f) => f.includes('node_modules'))).toEqual([]);
  });

  it('leave out the SDK modules their calls never run: event streams and the endpoint-discovery cache', () => {
    for (const files of [inputs['create-auth-challenge']!, inputs['verify-auth-challenge-response']!]) {
      expect(files.filter((f) => /node_modules\/.*(event-streams|endpoint-cache|mnemonist)/.test(f))).toEqual([]);
      expect(files.filter((f) => /triggers\/bundling\/lambda-(event-streams|endpoint-cache)\.ts/.test(f))).toHaveLength(2);
    }
  });

  it('leave out what reads settings a Lambda function has only in its environment: the config files and the instance metadata region', () => {
    for (const entry of ['create-auth-challenge', 'verify-auth-challenge-response']) {
      const bundled = Object.entries(bytesIn[entry]!).filter(([, bytes]) => bytes > 0).map(([path]) => path);
      expect(bundled.filter((f) => /node_modules\/.*\/(loadSharedConfigFiles|getInstanceMetadataRegion)\.js$/.test(f))).toEqual([]);
      expect(bundled.filter((f) => /triggers\/bundling\/lambda-(config-files|instance-metadata)\.ts$/.test(f))).toHaveLength(2);
    }
  });

  it("carry of each SDK client's package.json only its version, which its user agent reports", () => {
    const clients = Object.entries(bytesIn['create-auth-challenge']!).filter(([path]) => /@aws-sdk\/client-[^/]+\/package\.json$/.test(path));
    expect(clients.map(([path]) => /client-[^/]+/.exec(path)![0]).sort()).toEqual(['client-dynamodb', 'client-secrets-manager', 'client-ses']);
    for (const [path, bytes] of clients) {
      const { version } = JSON.parse(readFileSync(join(root, path), 'utf8')) as { version: string };
      expect(bytes).toBeLessThan(40);
      expect(readFileSync(join(out, 'create-auth-challenge.cjs'), 'utf8')).toContain(`{version:"${version}"}`);
    }
  });

  it('Define, Create, Verify and Define, each run as Lambda runs it on Node.js 22, against DynamoDB and SES', async () => {
    const env = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SESSION_TOKEN: 'local-session',
      AWS_ENDPOINT_URL_DYNAMODB: aws.dynamodbUrl,
      AWS_ENDPOINT_URL_SES: aws.sesUrl,
      TABLE_NAME: 'bundle-codes',
      SES_FROM_ADDRESS: 'no-reply@example.com',
      CODE_KEY_FILE: ensureCodeKeyFile(undefined),
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    };
    const invoke = async <T,>(entry: string, event: unknown): Promise<T> => {
      const { node, result, error } = await invokeOnLambdaNode<T>(join(out, `${entry}.cjs`), event, env);
      expect(node).toMatch(/^v22\./);
      expect(error).toBeUndefined();
      return result!;
    };
    const user = newUser();
    type Define = DefineAuthChallengeTriggerEvent;
    type Create = CreateAuthChallengeTriggerEvent;
    type Verify = VerifyAuthChallengeResponseTriggerEvent;
    expect((await invoke<Define>('define-auth-challenge', defineEvent(user, []))).response.challengeName).toBe('CUSTOM_CHALLENGE');
    const challenge = await invoke<Create>('create-auth-challenge', createEvent(user));
    const code = await latestCode(aws.sesUrl, user.email);
    const verified = await invoke<Verify>('verify-auth-challenge-response', verifyEvent(user, code, challenge.response.privateChallengeParameters));
    expect(verified.response.answerCorrect).toBe(true);
    expect((await invoke<Define>('define-auth-challenge', defineEvent(user, [codeRound(true)]))).response.issueTokens).toBe(true);
  });

  it('fail closed, with a clear error, when the environment holds no credentials', async () => {
    const saved = process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_ACCESS_KEY_ID;
    try {
      const { defaultProvider } = await import('../../triggers/bundling/lambda-credentials.ts');
      await expect(defaultProvider()()).rejects.toThrow('No AWS credentials in the environment');
    } finally {
      process.env.AWS_ACCESS_KEY_ID = saved;
    }
  });

  it('answer in their stead as the SDK does where there is nothing to read: no profiles, no region', async () => {
    const { loadSharedConfigFiles } = await import('../../triggers/bundling/lambda-config-files.ts');
    expect(await loadSharedConfigFiles({ profile: 'default' })).toEqual({ configFile: {}, credentialsFile: {} });
    const { getInstanceMetadataRegion } = await import('../../triggers/bundling/lambda-instance-metadata.ts');
    expect(await getInstanceMetadataRegion()).toBeUndefined();
  });

  it('would fail with a clear error, not run without them, if a call ever needed the modules left out', async () => {
    const { EventStreamSerde } = await import('../../triggers/bundling/lambda-event-streams.ts');
    expect(() => new EventStreamSerde()).toThrow('Event streams are left out of the trigger bundles');
    const { EndpointCache } = await import('../../triggers/bundling/lambda-endpoint-cache.ts');
    const cache = new EndpointCache(1000);
    expect(cache.getEndpoint('key')).toBeUndefined();
    expect(() => cache.set('key', [])).toThrow('Endpoint discovery is left out of the trigger bundles');
  });
});
