import { hostTriggers, loadConfig } from '../../triggers/index.ts';
import { signInLinkPage } from '../../triggers/contracts/sign-in-link.ts';
import { rmSync } from 'node:fs';
import type { SNSEvent } from 'aws-lambda';
import { createCognitoHttpServer } from './cognito/http-server.ts';
import { LocalUserPool } from './cognito/user-pool.ts';
import type { AuthTriggers } from './cognito/trigger-runner.ts';
import { ensureCodeKeyFile } from './code-key-file.ts';
import { createCodeTable, startDynamo } from './dynamodb.ts';
import { closeServer, freePort, listen, type RunningServer } from './listen.ts';
import { startSes } from './ses.ts';

/** The contract of `.local/stack.json`: exactly these keys. */
export interface StackInfo {
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly cognitoEndpoint: string;
  readonly issuer: string;
  readonly dynamodbEndpoint: string;
  readonly mailboxUrl: string;
  readonly webUrl: string;
  readonly signInMode: string;
}

export interface LocalStackOptions {
  /** Ports on 127.0.0.1; 0 picks a free one. */
  readonly cognitoPort: number;
  readonly dynamodbPort: number;
  readonly sesPort: number;
  readonly webPort: number;
  /** Trigger settings (SIGN_IN_MODE, CODE_LENGTH, CODE_TTL_SECONDS, ...), validated as on AWS. */
  readonly triggerEnv: Record<string, string | undefined>;
  /** Users and signing keys persist here; in memory only when undefined. */
  readonly dataDir?: string | undefined;
  /** Delete the data folder first. */
  readonly clean?: boolean;
  /** Serve the sign-in page (Vite); tests that do not need it skip it. */
  readonly web?: boolean;
  readonly region?: string;
  readonly userPoolId?: string;
  readonly userPoolClientId?: string;
  readonly authSessionValidityMinutes?: number;
  readonly preventUserExistenceErrors?: boolean;
  /** The stack's app client's `ExplicitAuthFlows`. @default PRODUCT_AUTH_FLOWS (infra/pool-settings.ts), as the construct's client */
  readonly clientAuthFlows?: readonly string[];
  /** The pool's `UsernameConfiguration.CaseSensitive`. @default SIGN_IN_CASE_SENSITIVE (infra/pool-settings.ts), as the construct's pools */
  readonly signInCaseSensitive?: boolean;
  readonly now?: () => number;
  /** The optional triggers, as the construct's `autoConfirmSignUp` and `markEmailVerified` props add them. */
  readonly autoConfirmSignUp?: boolean;
  readonly markEmailVerified?: boolean;
  /** Browser origins besides the sign-in page's that may call the Cognito endpoint. */
  readonly corsOrigins?: readonly string[];
  /** Environment variables named in port-in-use messages (npm start). */
  readonly portVariables?: { readonly cognito?: string; readonly dynamodb?: string; readonly ses?: string; readonly web?: string };
  /** Wraps the trigger handlers, e.g. to record the events Cognito would send (tests). */
  readonly interceptTriggers?: (triggers: AuthTriggers) => AuthTriggers;
}

export interface LocalStack {
  readonly info: StackInfo;
  readonly pool: LocalUserPool;
  /** The trigger handlers as the endpoint calls them (intercepted, when asked), for in-process measurements. */
  readonly triggers: AuthTriggers;
  stop(): Promise<void>;
}

export const TABLE_NAME = 'email-otp-codes';

/** Every port picked free by the system: for stacks run by tests, the bench and the attack script side by side. */
export const FREE_PORTS = { cognitoPort: 0, dynamodbPort: 0, sesPort: 0, webPort: 0 } as const;
const DEFAULT_FROM = 'no-reply@example.com';
/** The configuration set Create names on each email, as the construct's: with it, SES publishes the simulator's events. */
export const LOCAL_CONFIGURATION_SET = 'email-otp-local';

/**
 * Starts DynamoDB (dynalite), SES (aws-ses-v2-local), the Cognito-compatible endpoint running the real
 * trigger handlers in-process, and optionally the web page. The handlers reach DynamoDB and SES through
 * the SDK's standard AWS_ENDPOINT_URL_* settings, exactly as on AWS; one process hosts one stack.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const region = options.region ?? 'us-east-1';
  const userPoolId = options.userPoolId ?? `${region}_Local1`;
  const userPoolClientId = options.userPoolClientId ?? 'local1client2for3email4otp';
  if (options.clean && options.dataDir) rmSync(options.dataDir, { recursive: true, force: true });
  const triggerEnv = {
    SES_FROM_ADDRESS: DEFAULT_FROM,
    SES_CONFIGURATION_SET: LOCAL_CONFIGURATION_SET,
    ...options.triggerEnv,
    TABLE_NAME: TABLE_NAME,
    CODE_KEY_SECRET_ID: undefined,
    CODE_KEY_FILE: ensureCodeKeyFile(options.dataDir),
  };
  // Validated before anything starts; read again once the page's address is known, for the emails' links.
  let config = loadConfig(triggerEnv);

  const started: RunningServer[] = [];
  const stopAll = async () => {
    await Promise.allSettled(started.reverse().map((s) => s.stop()));
  };
  try {
    const names = options.portVariables ?? {};
    const dynamo = await startDynamo({ port: options.dynamodbPort, ...(names.dynamodb ? { portVariable: names.dynamodb } : {}) });
    started.push(dynamo);
    // The SES mailbox simulator's events go to the feedback function in-process, as the configuration set's SNS topic does.
    let sesFeedback: ((event: SNSEvent) => Promise<void>) | undefined;
    const ses = await startSes(options.sesPort, names.ses, {
      feedback: async (event) => sesFeedback?.(event),
      configurationSets: [LOCAL_CONFIGURATION_SET],
    });
    started.push(ses);
    await createCodeTable(dynamo.url, TABLE_NAME, region);

    Object.assign(process.env, {
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
      AWS_ENDPOINT_URL_SES: ses.url,
    });
    const allowedOrigins = new Set(options.corsOrigins ?? []);
    const web = options.web === false ? undefined : await (await import('./web.ts')).startWeb(options.webPort, () => info, names.web);
    if (web) {
      started.push(web);
      // The page's own origin, under both names a developer may open it by.
      allowedOrigins.add(web.url).add(`http://localhost:${web.port}`);
      // Each email links to the page unless SIGN_IN_LINK_URL names another (or is set empty: code-only emails).
      const setting = options.triggerEnv.SIGN_IN_LINK_URL;
      const page = signInLinkPage(config.signInMode, setting === undefined ? undefined : setting.trim() || false, `${web.url}/`);
      if (setting === undefined && page) config = loadConfig({ ...triggerEnv, SIGN_IN_LINK_URL: page });
    }
    let poolTriggers: AuthTriggers | undefined;
    const cognito = await startCognito(options.cognitoPort, names.cognito, () => allowedOrigins, (endpoint) => {
      const { define, create, verify, preSignUp, postAuthentication, sesFeedback: feedback } = hostTriggers(config, {
        ...(options.now ? { now: options.now } : {}),
        preSignUp: options.autoConfirmSignUp,
        // The real handler, calling AdminUpdateUserAttributes on this endpoint with the SDK, as on AWS.
        ...(options.markEmailVerified ? { cognito: { endpoint, region } } : {}),
      });
      sesFeedback = feedback;
      const triggers: AuthTriggers = { define, create, verify, preSignUp, postAuthentication };
      poolTriggers = options.interceptTriggers ? { ...triggers, ...options.interceptTriggers(triggers) } : triggers;
      return LocalUserPool.create({
        region,
        userPoolId,
        clientId: userPoolClientId,
        endpoint,
        triggers: poolTriggers,
        dataDir: options.dataDir,
        preventUserExistenceErrors: options.preventUserExistenceErrors,
        authSessionValidityMinutes: options.authSessionValidityMinutes,
        clientAuthFlows: options.clientAuthFlows,
        caseSensitive: options.signInCaseSensitive,
        now: options.now,
      });
    });
    started.push(cognito.server);

    // Key order is the stack.json contract's.
    const info: StackInfo = {
      region,
      userPoolId,
      userPoolClientId,
      cognitoEndpoint: cognito.server.url,
      issuer: cognito.pool.issuer,
      dynamodbEndpoint: dynamo.url,
      mailboxUrl: ses.url,
      webUrl: web?.url ?? '',
      signInMode: config.signInMode,
    };
    return { info, pool: cognito.pool, triggers: poolTriggers!, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function startCognito(
  requestedPort: number,
  portVariable: string | undefined,
  allowedOrigins: () => ReadonlySet<string>,
  createPool: (endpoint: string) => Promise<LocalUserPool>,
) {
  // The issuer names the port, so it must be known before the pool exists.
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const url = `http://127.0.0.1:${port}`;
  const pool = await createPool(url);
  const server = createCognitoHttpServer(pool, {
    allowedOrigins,
    onInternalError: (error) => console.error('[cognito] internal error:', error),
  });
  await listen(server, port, 'the Cognito endpoint', portVariable);
  return { pool, server: { url, port, stop: () => closeServer(server) } satisfies RunningServer };
}
