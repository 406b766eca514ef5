import { startDynamo, createCodeTable } from '../../infra/local/dynamodb.ts';
import { startSes } from '../../infra/local/ses.ts';
import { latestCode, latestLink, listEmails } from '../../infra/local/mailbox-client.ts';
import { readSignInLink } from '../../web/client/sign-in-link.ts';
import { loadConfig, type Config } from '../../triggers/domain/config.ts';
import { hostTriggers } from '../../triggers/composition/host.ts';
import type { SendTiming } from '../../triggers/domain/send-timing.ts';
import type { Mailer } from '../../triggers/aws/mailer.ts';
import { ensureCodeKeyFile } from '../../infra/local/code-key-file.ts';
import type { CreateAuthChallengeTriggerEvent, VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';

export interface LocalAws {
  readonly dynamodbUrl: string;
  readonly sesUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts real dynalite and aws-ses-v2-local on free loopback ports and points the SDK's standard
 * endpoint settings at them, as the local stack does for the handlers.
 */
export async function startLocalAws(): Promise<LocalAws> {
  const dynamo = await startDynamo({ port: 0 });
  const ses = await startSes(0);
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
    AWS_ENDPOINT_URL_SES: ses.url,
  });
  return {
    dynamodbUrl: dynamo.url,
    sesUrl: ses.url,
    async stop() {
      await Promise.all([dynamo.stop(), ses.stop()]);
    },
  };
}

let tables = 0;

/** Parts of the triggers' wiring a test replaces (a clock, a failing mailer, a recorded send timing). */
export interface TriggerOverrides {
  readonly now?: () => number;
  readonly sendTiming?: SendTiming;
  readonly mailer?: Mailer;
}

/** The three handlers on a fresh table, wired by the same composition root as the local stack. */
export async function triggersOn(aws: LocalAws, env: Record<string, string> = {}, overrides: TriggerOverrides = {}) {
  tables += 1;
  const tableName = `codes-${process.pid}-${tables}`;
  await createCodeTable(aws.dynamodbUrl, tableName);
  const config: Config = loadConfig({
    TABLE_NAME: tableName,
    SES_FROM_ADDRESS: 'no-reply@example.com',
    CODE_KEY_FILE: ensureCodeKeyFile(undefined),
    // Links are mailed as the local stack mails them (code mode only).
    ...(env.SIGN_IN_MODE === 'password-and-code' ? {} : { SIGN_IN_LINK_URL: 'http://127.0.0.1:5173/' }),
    ...env,
  });
  const { now, ...parts } = overrides;
  const { runtime, define, create, verify, sesFeedback } = hostTriggers(config, { ...(now ? { now } : {}), overrides: parts });
  /** The private parameters of each user's latest challenge: the session Verify is answering in. */
  const sessions = new Map<string, Record<string, string>>();
  return {
    config,
    store: runtime.store,
    loadKeys: runtime.loadKeys,
    tableName,
    define,
    sesFeedback,
    async create(event: CreateAuthChallengeTriggerEvent) {
      const result = await create(event);
      sessions.set(event.userName, result.response.privateChallengeParameters);
      return result;
    },
    /** Answers in the user's latest session unless the event names one (as Cognito always does). */
    verify(event: VerifyAuthChallengeResponseTriggerEvent) {
      if (!event.request.privateChallengeParameters) {
        event.request.privateChallengeParameters = sessions.get(event.userName) ?? { codeId: 'none', keyId: 'none', round: '1' };
      }
      return verify(event);
    },
    emailsTo: (address: string) => listEmails(aws.sesUrl, address),
    codeFor: async (address: string) => {
      const code = await latestCode(aws.sesUrl, address);
      if (!code) throw new Error(`no code mailed to ${address}`);
      return code;
    },
    /** The secret of the sign-in link in the newest email to `address`: what the page answers with. */
    linkSecretFor: async (address: string) => {
      const link = await latestLink(aws.sesUrl, address);
      const secret = link && readSignInLink(link)?.secret;
      if (!secret) throw new Error(`no sign-in link mailed to ${address}`);
      return secret;
    },
  };
}
