import { fileURLToPath } from 'node:url';
import { Annotations, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { TABLE_PARTITION_KEY, TABLE_TTL_ATTRIBUTE } from '../../triggers/code-store.ts';
import { configToEnvironment, loadConfig, type Config, type SignInMode } from '../../triggers/config.ts';
import { TRIGGER_BUNDLING } from './trigger-bundling.ts';
import { ConfigError } from '../../triggers/errors.ts';
import { prebuiltTriggerBundle, triggerSource, type TriggerName } from './trigger-bundles.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Properties of {@link EmailOtpAuth}. They mirror the triggers' environment (see the README's configuration table). */
export interface EmailOtpAuthProps {
  /**
   * The user pool to add email-code sign-in to. A `UserPool` of this app gets the triggers wired; an
   * imported pool gets invoke permissions only, and its own definition must name the functions.
   * @default - a new pool whose sign-in name is the email address
   */
  readonly userPool?: cognito.IUserPool;
  /**
   * Feature plan of a pool this construct creates. Custom auth triggers work on every plan, so the default is
   * the cheapest; Essentials and Plus add Cognito's own passwordless sign-in, managed login and threat protection.
   * Ignored when `userPool` is given: that pool keeps its own plan.
   * @default cognito.FeaturePlan.LITE
   */
  readonly featurePlan?: cognito.FeaturePlan;
  /** `code` (passwordless) or `password-and-code` (SRP password, then the email code). @default 'code' */
  readonly signInMode?: SignInMode;
  /** Verified SES sender, `address@domain` or `Name <address@domain>`. */
  readonly fromAddress: string;
  /** Digits per code, 6 to 10. @default 6 */
  readonly codeLength?: number;
  /** How long a code stays valid, 1 second to 15 minutes. @default Duration.minutes(3) */
  readonly codeTtl?: Duration;
  /** Guesses a code accepts in total (also the code rounds per session), 1 to 10. @default 3 */
  readonly maxAttempts?: number;
  /** Minimum time between two emails to one user, 5 seconds to 1 hour. @default Duration.seconds(60) */
  readonly resendInterval?: Duration;
  /** Emails per user per hour once a burst of 3 is spent, 1 to 100. @default 5 */
  readonly maxSendsPerHour?: number;
  /**
   * Answers (right or wrong, across all codes and sessions) evaluated per account per 24 hours, 10 to 1000.
   * @default 100
   */
  readonly maxGuessesPerDay?: number;
  /**
   * The secret holding the server-side key codes are hashed under, as JSON `{ "current": "<id>", "<id>": "<key>" }`
   * (keys of 32 bytes or more). To rotate, add a key and point `current` at it; keep the old one until its codes
   * have expired (15 minutes at most).
   * @default - a new secret with one generated 64-character key
   */
  readonly codeKeySecret?: secretsmanager.ISecret;
  /**
   * The sign-in page that a link in each code email opens (`code` mode only), `https://...`, with no `#fragment`.
   * The link's 128-bit secret signs in however many wrong codes a stranger typed, so knowing someone's address is
   * not enough to lock them out (README, Security notes). The page reads it with the client's `readSignInLink`.
   * Also settable later with {@link EmailOtpAuth.useSignInLink}, e.g. with a CloudFront domain created after this.
   * `false` mails the code only, and then a stranger who keeps answering wrong codes keeps the owner out while
   * the attack lasts: in `code` mode the choice must be made (synthesis fails without one).
   * @default - required in `code` mode (a URL, `useSignInLink`, or `false`); unused in `password-and-code` mode
   */
  readonly signInLinkUrl?: string | false;
  /** Name shown in the email. @default 'your account' */
  readonly appName?: string;
  /** Email subject; `{{appName}}` and `{{minutes}}` are filled in (never the code). @default 'Sign-in code for {{appName}}' */
  readonly emailSubject?: string;
  /**
   * Plain-text body; must contain `{{code}}` (and `{{link}}` with a sign-in link), may use `{{appName}}`, `{{minutes}}`
   * and a `{{#link}}...{{/link}}` section kept only when a link is mailed. @default a short English text
   */
  readonly emailTextTemplate?: string;
  /** HTML body; the same placeholders; every filled-in value is HTML-escaped. @default a short English page */
  readonly emailHtmlTemplate?: string;
  /**
   * Create the SES identity for `fromAddress`: `domain` (Easy DKIM; records published automatically when
   * `hostedZone` is given) or `address` (SES mails a verification link).
   * @default - none: the identity must already be verified in SES
   */
  readonly createEmailIdentity?: 'domain' | 'address';
  /** Route 53 zone of the sender's domain, for the DKIM records of a created domain identity. @default - none */
  readonly hostedZone?: route53.IPublicHostedZone;
  /** Create an SES configuration set and send through it. @default false */
  readonly createConfigurationSet?: boolean;
  /** Table for codes and send history (partition key `pk` string, TTL attribute `ttl`). @default - a new on-demand table */
  readonly table?: dynamodb.ITableV2;
  /** Add a pre sign-up trigger that auto-confirms self sign-ups (passwordless). @default false */
  readonly autoConfirmSignUp?: boolean;
  /** Add a post authentication trigger that sets `email_verified` after a correct code. @default false */
  readonly markEmailVerified?: boolean;
  /** Let people create their own accounts (only for a pool this construct creates). @default false */
  readonly selfSignUp?: boolean;
  /** Auth session validity of the app client created here, 3 to 15 minutes. @default Duration.minutes(3) */
  readonly authSessionValidity?: Duration;
  /** Add an app client for the sign-in page. @default true */
  readonly createUserPoolClient?: boolean;
  /**
   * Associate a WAF web ACL with the user pool that blocks an IP after this many InitiateAuth and
   * RespondToAuthChallenge calls in 5 minutes (10 or more).
   * @default - no web ACL
   */
  readonly wafRateLimitPer5Minutes?: number;
  /** Log retention of the trigger functions. @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** CloudWatch namespace of the metrics from the trigger logs. @default 'EmailOtpAuth' */
  readonly metricNamespace?: string;
  /** Throttled sends in 5 minutes that raise the alarm. @default 50 */
  readonly throttledSendsAlarmThreshold?: number;
  /** What happens to the table and a created pool when the stack is deleted. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/** The trigger functions: prebuilt bundles when the construct runs from the installed package, bundled from source in the repository. */
export interface EmailOtpAuthFunctions {
  readonly defineAuthChallenge: lambda.Function;
  readonly createAuthChallenge: lambda.Function;
  readonly verifyAuthChallengeResponse: lambda.Function;
  readonly preSignUp?: lambda.Function;
  readonly postAuthentication?: lambda.Function;
}

/** Each prop that sets a trigger variable, and how its value is written there (the triggers parse it back). */
const VARIABLE_OF_PROP = {
  fromAddress: ['SES_FROM_ADDRESS', String],
  signInMode: ['SIGN_IN_MODE', String],
  codeLength: ['CODE_LENGTH', String],
  codeTtl: ['CODE_TTL_SECONDS', (d: Duration) => String(d.toSeconds())],
  maxAttempts: ['MAX_ATTEMPTS', String],
  resendInterval: ['RESEND_INTERVAL_SECONDS', (d: Duration) => String(d.toSeconds())],
  maxSendsPerHour: ['MAX_SENDS_PER_HOUR', String],
  maxGuessesPerDay: ['MAX_GUESSES_PER_DAY', String],
  // A token (a domain created in the same app) is checked with a stand-in and written as the token; false sets nothing.
  signInLinkUrl: ['SIGN_IN_LINK_URL', (url: string | false) => (url === false ? undefined : Token.isUnresolved(url) ? 'https://validated-at-synth.example/' : url)],
  appName: ['APP_NAME', String],
  emailSubject: ['EMAIL_SUBJECT', String],
  emailTextTemplate: ['EMAIL_TEXT_TEMPLATE', String],
  emailHtmlTemplate: ['EMAIL_HTML_TEMPLATE', String],
} as const satisfies { [P in keyof EmailOtpAuthProps]?: readonly [string, (value: never) => string | undefined] };

const PROP_OF_VARIABLE: Record<string, string> = Object.fromEntries(
  Object.entries(VARIABLE_OF_PROP).map(([prop, [variable]]) => [variable, prop]),
);

/** Lambda's limit on the total size of a function's environment variables. */
const LAMBDA_ENVIRONMENT_BYTES = 4096;

/** The sender's domain, from `address@domain` or `Name <address@domain>`. */
function senderAddress(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
}

/**
 * Email one-time-code sign-in for a Cognito user pool: the Define, Create and Verify Auth Challenge
 * triggers (Node.js 22, ARM64; the package's prebuilt bundles, or bundled with the local esbuild in the repository), the DynamoDB table they share, SES
 * sending, least-privilege roles, log groups with retention, metric filters and alarms, and optionally
 * the pool and client, SES identity and configuration set, a WAF rate limit and the optional triggers.
 */
export class EmailOtpAuth extends Construct {
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient?: cognito.UserPoolClient;
  readonly table: dynamodb.ITableV2;
  readonly functions: EmailOtpAuthFunctions;
  readonly emailIdentity?: ses.EmailIdentity;
  /** The server-side key codes are hashed under; only Create and Verify may read it. */
  readonly codeKeySecret: secretsmanager.ISecret;
  readonly configurationSet?: ses.ConfigurationSet;
  readonly webAcl?: wafv2.CfnWebACL;
  readonly alarms: cloudwatch.Alarm[] = [];
  /** The validated trigger configuration, as the functions receive it (a later useSignInLink included). */
  get config(): Config {
    return this.validated;
  }

  private validated: Config;

  private readonly logRetention: logs.RetentionDays;
  private readonly props: EmailOtpAuthProps;
  private linked: boolean;

  constructor(scope: Construct, id: string, props: EmailOtpAuthProps) {
    super(scope, id);
    this.validated = validate(props);
    this.props = props;
    this.linked = typeof props.signInLinkUrl === 'string';
    // Checked at synthesis, so that a later useSignInLink() counts.
    this.node.addValidation({
      validate: () =>
        this.config.signInMode === 'code' && !this.linked && props.signInLinkUrl !== false
          ? [
              'EmailOtpAuth: set signInLinkUrl to your sign-in page (or call useSignInLink), so that each email carries a link a stranger cannot lock out; signInLinkUrl: false mails the code only',
            ]
          : [],
    });
    if (this.config.signInMode === 'code' && props.signInLinkUrl === false) {
      Annotations.of(this).addWarningV2(
        'email-otp:no-sign-in-link',
        'signInLinkUrl is false: the emails carry the code only, and a stranger who knows an address can keep its owner from signing in while they keep answering wrong codes.',
      );
    }
    this.logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    const stack = Stack.of(this);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.table =
      props.table ??
      new dynamodb.TableV2(this, 'CodeTable', {
        partitionKey: { name: TABLE_PARTITION_KEY, type: dynamodb.AttributeType.STRING },
        billing: dynamodb.Billing.onDemand(),
        timeToLiveAttribute: TABLE_TTL_ATTRIBUTE,
        removalPolicy,
      });
    if (!props.table) {
      Validations.of(this.table).acknowledge({
        id: 'AwsSolutions::AwsSolutions-DDB3',
        reason: 'Items are one-time codes living minutes and send history living an hour: nothing to restore.',
      });
    }

    const sender = senderAddress(props.fromAddress);
    const domain = sender.slice(sender.lastIndexOf('@') + 1);
    if (props.createEmailIdentity) {
      this.emailIdentity = new ses.EmailIdentity(this, 'EmailIdentity', {
        identity:
          props.createEmailIdentity === 'address'
            ? ses.Identity.email(sender)
            : props.hostedZone
              ? ses.Identity.publicHostedZone(props.hostedZone)
              : ses.Identity.domain(domain),
      });
    }
    if (props.createConfigurationSet) {
      this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
        reputationMetrics: true,
        sendingEnabled: true,
      });
    }

    this.codeKeySecret = props.codeKeySecret ?? this.createCodeKeySecret(removalPolicy);

    const defineAuthChallenge = this.triggerFunction('DefineAuthChallenge', 'define-auth-challenge', {
      SIGN_IN_MODE: this.config.signInMode,
      MAX_ATTEMPTS: String(this.config.maxAttempts),
    });
    const codeEnvironment = this.codeEnvironment();
    const createAuthChallenge = this.triggerFunction('CreateAuthChallenge', 'create-auth-challenge', codeEnvironment);
    const verifyAuthChallengeResponse = this.triggerFunction('VerifyAuthChallengeResponse', 'verify-auth-challenge-response', codeEnvironment);

    createAuthChallenge.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [this.table.tableArn],
      }),
    );
    this.codeKeySecret.grantRead(createAuthChallenge);
    this.codeKeySecret.grantRead(verifyAuthChallengeResponse);
    createAuthChallenge.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain }),
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: sender }),
          ...(this.configurationSet
            ? [stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName })]
            : []),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': sender } },
      }),
    );
    verifyAuthChallengeResponse.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], resources: [this.table.tableArn] }),
    );

    const preSignUp = props.autoConfirmSignUp ? this.triggerFunction('PreSignUp', 'pre-sign-up', {}) : undefined;
    const postAuthentication = props.markEmailVerified
      ? this.triggerFunction('PostAuthentication', 'post-authentication', {})
      : undefined;
    this.functions = {
      defineAuthChallenge,
      createAuthChallenge,
      verifyAuthChallengeResponse,
      ...(preSignUp ? { preSignUp } : {}),
      ...(postAuthentication ? { postAuthentication } : {}),
    };

    this.userPool = props.userPool ?? this.createUserPool(props, removalPolicy);
    this.attachTriggers();
    if (postAuthentication) {
      // A separate policy: on the function's own role it would make the pool and the function depend on each other.
      new iam.Policy(this, 'PostAuthenticationPolicy', {
        roles: [postAuthentication.role!],
        statements: [
          new iam.PolicyStatement({ actions: ['cognito-idp:AdminUpdateUserAttributes'], resources: [this.userPool.userPoolArn] }),
        ],
      });
    }

    if (props.createUserPoolClient ?? true) {
      this.userPoolClient = this.userPool.addClient('SignInClient', {
        authFlows: { custom: true, userSrp: this.config.signInMode === 'password-and-code' },
        generateSecret: false,
        // A single-page app signs in through the API; no hosted-UI OAuth flows or callback URLs.
        disableOAuth: true,
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        authSessionValidity: props.authSessionValidity ?? Duration.minutes(3),
        accessTokenValidity: Duration.hours(1),
        idTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.days(30),
      });
    }

    if (props.wafRateLimitPer5Minutes !== undefined) this.webAcl = this.createWebAcl(props.wafRateLimitPer5Minutes);
    this.createAlarms(props.metricNamespace ?? 'EmailOtpAuth', props.throttledSendsAlarmThreshold ?? 50);
  }

  /**
   * Mails a sign-in link to `pageUrl` with each code (the `signInLinkUrl` prop, for a page whose address is known
   * only after this construct, such as a CloudFront distribution's domain). Checked like the prop.
   */
  useSignInLink(pageUrl: string): void {
    this.validated = validate({ ...this.props, signInLinkUrl: pageUrl });
    this.linked = true;
    this.functions.createAuthChallenge.addEnvironment('SIGN_IN_LINK_URL', pageUrl);
    this.functions.verifyAuthChallengeResponse.addEnvironment('SIGN_IN_LINK_URL', pageUrl);
  }

  private codeEnvironment(): Record<string, string> {
    const environment = configToEnvironment({
      ...this.config,
      tableName: this.table.tableName,
      codeKeySource: { kind: 'secret', secretId: this.codeKeySecret.secretArn },
      sesConfigurationSet: this.configurationSet?.configurationSetName,
    });
    // The prop as given: a token stays a token (the config holds the stand-in it was checked with).
    const url = this.props.signInLinkUrl;
    return typeof url === 'string' ? { ...environment, SIGN_IN_LINK_URL: url } : environment;
  }

  /** One place for the function set-up every trigger shares. */
  private triggerFunction(id: string, entry: TriggerName, environment: Record<string, string>): lambda.Function {
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: this.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${id} trigger of ${this.node.path}`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logGroup.logGroupArn}`] }),
    );
    const common = {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      // Cognito gives a trigger 5 seconds.
      timeout: Duration.seconds(5),
      role,
      logGroup,
      environment: {
        ...environment,
        POWERTOOLS_SERVICE_NAME: 'cognito-email-otp',
        NODE_OPTIONS: '--enable-source-maps',
      },
    };
    // Installed from npm, the package's minified bundles are deployed as they are: no esbuild, no lockfile needed.
    const bundle = prebuiltTriggerBundle(entry);
    const fn = bundle
      ? new lambda.Function(this, id, { ...common, code: lambda.Code.fromAsset(bundle), handler: 'index.handler' })
      : new nodejs.NodejsFunction(this, id, {
          ...common,
          entry: triggerSource(entry),
          handler: 'handler',
          // The repository's own checkout: its lockfile is found from there, as CDK does by default.
          projectRoot,
          bundling: {
            minify: TRIGGER_BUNDLING.minify,
            sourceMap: TRIGGER_BUNDLING.sourceMap,
            target: TRIGGER_BUNDLING.target,
            mainFields: [...TRIGGER_BUNDLING.mainFields],
            esbuildArgs: Object.fromEntries(Object.entries(TRIGGER_BUNDLING.alias).map(([from, to]) => [`--alias:${from}`, to])),
            // Bundle the pinned SDK clients too, so what runs is what the lockfile says.
            externalModules: [],
          },
        });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason: 'The triggers are built and tested for Node.js 22 (nodejs22.x); move with the project, not ahead of it.',
    });
    return fn;
  }

  private createCodeKeySecret(removalPolicy: RemovalPolicy): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, 'CodeKey', {
      description: `Key the one-time codes of ${this.node.path} are hashed under`,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ current: 'k1' }),
        generateStringKey: 'k1',
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: 'Rotation adds a key beside the current one (see codeKeySecret); a rotation Lambda would outlive the codes it protects.',
    });
    return secret;
  }

  private createUserPool(props: EmailOtpAuthProps, removalPolicy: RemovalPolicy): cognito.UserPool {
    const pool = new cognito.UserPool(this, 'UserPool', {
      signInAliases: { email: true, username: false },
      selfSignUpEnabled: props.selfSignUp ?? false,
      standardAttributes: { email: { required: true, mutable: true } },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      featurePlan: props.featurePlan ?? cognito.FeaturePlan.LITE,
      removalPolicy,
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions::AwsSolutions-COG2',
      reason: 'The email one-time code is the second factor (two-step mode) or the only one (passwordless).',
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions::AwsSolutions-COG8',
      reason: 'The Plus feature plan costs extra per user; attempts, send rate and the optional WAF limit cover this flow.',
    });
    return pool;
  }

  private attachTriggers(): void {
    const { defineAuthChallenge, createAuthChallenge, verifyAuthChallengeResponse, preSignUp, postAuthentication } = this.functions;
    const wiring: Array<[cognito.UserPoolOperation, lambda.IFunction | undefined]> = [
      [cognito.UserPoolOperation.DEFINE_AUTH_CHALLENGE, defineAuthChallenge],
      [cognito.UserPoolOperation.CREATE_AUTH_CHALLENGE, createAuthChallenge],
      [cognito.UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE, verifyAuthChallengeResponse],
      [cognito.UserPoolOperation.PRE_SIGN_UP, preSignUp],
      [cognito.UserPoolOperation.POST_AUTHENTICATION, postAuthentication],
    ];
    const pool = this.userPool;
    if (pool instanceof cognito.UserPool) {
      for (const [operation, fn] of wiring) if (fn) pool.addTrigger(operation, fn);
      return;
    }
    // An imported pool's triggers are set where the pool is defined; allow Cognito to call the functions.
    for (const [operation, fn] of wiring) {
      fn?.addPermission(`InvokedBy${operation.operationName}`, {
        principal: new iam.ServicePrincipal('cognito-idp.amazonaws.com'),
        sourceArn: pool.userPoolArn,
      });
    }
    Annotations.of(this).addWarningV2(
      'email-otp:imported-pool',
      'The user pool is imported: set its Define, Create and Verify Auth Challenge triggers to this construct\'s functions where the pool is defined.',
    );
  }

  private createWebAcl(limit: number): wafv2.CfnWebACL {
    const targetIs = (operation: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { singleHeader: { Name: 'x-amz-target' } },
        positionalConstraint: 'EXACTLY',
        searchString: `AWSCognitoIdentityProviderService.${operation}`,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'EmailOtpAuthWebAcl', sampledRequestsEnabled: true },
      rules: [
        {
          name: 'SignInCallsPerIp',
          priority: 0,
          action: { block: {} },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'SignInCallsPerIp', sampledRequestsEnabled: true },
          statement: {
            rateBasedStatement: {
              limit,
              aggregateKeyType: 'IP',
              scopeDownStatement: { orStatement: { statements: [targetIs('InitiateAuth'), targetIs('RespondToAuthChallenge')] } },
            },
          },
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.userPool.userPoolArn,
      webAclArn: webAcl.attrArn,
    });
    return webAcl;
  }

  private createAlarms(namespace: string, throttledThreshold: number): void {
    const { defineAuthChallenge, createAuthChallenge, verifyAuthChallengeResponse } = this.functions;
    const errors = new cloudwatch.MathExpression({
      expression: 'd + c + v',
      usingMetrics: {
        d: defineAuthChallenge.metricErrors({ period: Duration.minutes(5) }),
        c: createAuthChallenge.metricErrors({ period: Duration.minutes(5) }),
        v: verifyAuthChallengeResponse.metricErrors({ period: Duration.minutes(5) }),
      },
      label: 'Trigger errors',
    });
    this.alarms.push(
      errors.createAlarm(this, 'TriggerErrorsAlarm', {
        alarmDescription: 'An email-code trigger failed: sign-ins fail closed until it is fixed (DynamoDB or SES down?).',
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );

    for (const [id, fn] of [
      ['Create', createAuthChallenge],
      ['Verify', verifyAuthChallengeResponse],
    ] as const) {
      new logs.MetricFilter(this, `${id}ErrorLines`, {
        logGroup: fn.logGroup,
        filterPattern: logs.FilterPattern.stringValue('$.level', '=', 'ERROR'),
        metricNamespace: namespace,
        metricName: 'TriggerErrorLines',
        metricValue: '1',
      });
    }
    const throttled = new logs.MetricFilter(this, 'ThrottledSends', {
      logGroup: createAuthChallenge.logGroup,
      filterPattern: logs.FilterPattern.stringValue('$.event', '=', 'send_throttled'),
      metricNamespace: namespace,
      metricName: 'ThrottledSends',
      metricValue: '1',
    });
    this.alarms.push(
      throttled.metric({ statistic: 'Sum', period: Duration.minutes(5) }).createAlarm(this, 'ThrottledSendsAlarm', {
        alarmDescription: 'Many sign-ins hit the per-user email limit: someone may be requesting codes for many accounts.',
        threshold: throttledThreshold,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}

/** Validates the props with the triggers' own rules, naming the prop in the message. */
function validate(props: EmailOtpAuthProps): Config {
  const env: Record<string, string | undefined> = { TABLE_NAME: 'validated-at-synth', CODE_KEY_SECRET_ID: 'validated-at-synth' };
  for (const [prop, [variable, write]] of Object.entries(VARIABLE_OF_PROP)) {
    const value = props[prop as keyof typeof VARIABLE_OF_PROP];
    if (value !== undefined) env[variable] = (write as (v: unknown) => string | undefined)(value);
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const prop = PROP_OF_VARIABLE[error.variable] ?? error.variable;
    throw new Error(`EmailOtpAuth: ${prop} ${error.reason} (${error.variable})`);
  }
  const templateBytes = Buffer.byteLength(`${props.emailSubject ?? ''}${props.emailTextTemplate ?? ''}${props.emailHtmlTemplate ?? ''}`);
  if (templateBytes > LAMBDA_ENVIRONMENT_BYTES - 1024) {
    throw new Error(
      `EmailOtpAuth: emailSubject, emailTextTemplate and emailHtmlTemplate take ${templateBytes} bytes; Lambda allows ${LAMBDA_ENVIRONMENT_BYTES} for all environment variables, so keep them under ${LAMBDA_ENVIRONMENT_BYTES - 1024}`,
    );
  }
  const validity = props.authSessionValidity?.toMinutes();
  if (validity !== undefined && (validity < 3 || validity > 15)) {
    throw new Error(`EmailOtpAuth: authSessionValidity must be from 3 to 15 minutes, got ${validity}`);
  }
  const limit = props.wafRateLimitPer5Minutes;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 10)) {
    throw new Error(`EmailOtpAuth: wafRateLimitPer5Minutes must be a whole number of at least 10, got ${limit}`);
  }
  if (props.hostedZone && props.createEmailIdentity !== 'domain') {
    throw new Error("EmailOtpAuth: hostedZone is only used with createEmailIdentity: 'domain'");
  }
  return config;
}
