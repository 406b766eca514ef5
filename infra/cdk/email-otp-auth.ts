// The EmailOtpAuth construct: composes the table, key, SES, functions, pool wiring, client, WAF and monitoring.
import { Annotations, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { TABLE_PARTITION_KEY, TABLE_TTL_ATTRIBUTE } from '../../triggers/contracts/table-item.ts';
import { codeConfigToEnvironment, configToEnvironment, type Config } from '../../triggers/domain/config.ts';
import { DEFAULT_METRIC_NAMESPACE } from '../../triggers/domain/sign-in-metrics.ts';
import { atPreparation, guardAuthFlows, warnIfCaseSensitive } from './email-otp-auth/auth-flow-guard.ts';
import { createCodeKeySecret } from './email-otp-auth/code-key-secret.ts';
import { createEmailSending } from './email-otp-auth/email-sending.ts';
import { createSignInMonitoring } from './email-otp-auth/monitoring.ts';
import type { EmailOtpAuthFunctions, EmailOtpAuthProps } from './email-otp-auth/props.ts';
import { addSignInClient, createSignInPool } from './email-otp-auth/sign-in-pool.ts';
import { createTriggerFunction } from './email-otp-auth/trigger-function.ts';
import { checkSesRegion, monitoringSettings, validateProps } from './email-otp-auth/validate-props.ts';
import { createSignInWebAcl } from './email-otp-auth/web-acl.ts';
import type { TriggerName } from './trigger-bundles.ts';

export type { EmailLanguageTemplates, EmailOtpAuthFunctions, EmailOtpAuthMonitoring, EmailOtpAuthProps } from './email-otp-auth/props.ts';

/**
 * Email one-time-code sign-in for a Cognito user pool: the Define, Create and Verify Auth Challenge
 * triggers (Node.js 22, ARM64; the package's prebuilt bundles, or bundled with the local esbuild in the repository), the DynamoDB table they share, SES
 * sending, least-privilege roles, log groups with retention, alarms on a topic and a dashboard, and optionally
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
  readonly alarms: cloudwatch.Alarm[];
  /** Where every alarm notifies (`monitoring.alarmTopic`, or a topic made here): subscribe to it. */
  readonly alarmTopic: sns.ITopic;
  /** The sign-in figures: codes mailed and reused, refusals, answers, link sign-ins, faults and limits. */
  readonly dashboard: cloudwatch.Dashboard;
  /** The validated trigger configuration, as the functions receive it (a later useSignInLink included). */
  get config(): Config {
    return this.validated;
  }

  private validated: Config;
  private readonly props: EmailOtpAuthProps;
  private linked: boolean;

  constructor(scope: Construct, id: string, props: EmailOtpAuthProps) {
    super(scope, id);
    this.validated = validateProps(this, props);
    this.props = props;
    this.linked = typeof props.signInLinkUrl === 'string';
    const stack = Stack.of(this);
    checkSesRegion(this, props, stack.region);
    this.requireLinkChoice(props);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const monitoringProps = monitoringSettings(this, props);
    const logRetention = monitoringProps.logRetention ?? logs.RetentionDays.ONE_MONTH;

    this.table = props.table ?? this.createTable(removalPolicy);
    const otherSesRegion = props.sesRegion !== undefined && props.sesRegion !== stack.region;
    const deliveryFeedback = props.deliveryFeedback ?? (props.createConfigurationSet !== false && !otherSesRegion);
    const sending = createEmailSending(this, { ...props, deliveryFeedback });
    if (sending.emailIdentity) this.emailIdentity = sending.emailIdentity;
    if (sending.configurationSet) this.configurationSet = sending.configurationSet;
    this.codeKeySecret = props.codeKeySecret ?? createCodeKeySecret(this, removalPolicy);

    const namespace = monitoringProps.metricNamespace ?? DEFAULT_METRIC_NAMESPACE;
    // Every function's audit lines carry their figures as EMF metrics in this namespace.
    const trigger = (id: string, entry: TriggerName, environment: Record<string, string>) =>
      createTriggerFunction(this, id, { entry, environment: { ...environment, METRIC_NAMESPACE: namespace }, logRetention });
    const defineAuthChallenge = trigger('DefineAuthChallenge', 'define-auth-challenge', {
      SIGN_IN_MODE: this.config.signInMode,
      MAX_ATTEMPTS: String(this.config.maxAttempts),
    });
    const createAuthChallenge = trigger('CreateAuthChallenge', 'create-auth-challenge', this.codeEnvironment(configToEnvironment));
    // Verify mails nothing: it gets no email templates.
    const verifyAuthChallengeResponse = trigger('VerifyAuthChallengeResponse', 'verify-auth-challenge-response', this.codeEnvironment(codeConfigToEnvironment));
    const tableAccess = () => new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], resources: [this.table.tableArn] });
    createAuthChallenge.addToRolePolicy(tableAccess());
    this.codeKeySecret.grantRead(createAuthChallenge);
    this.codeKeySecret.grantRead(verifyAuthChallengeResponse);
    createAuthChallenge.addToRolePolicy(sending.sendPolicy);
    verifyAuthChallengeResponse.addToRolePolicy(tableAccess());
    const preSignUp = props.autoConfirmSignUp ? trigger('PreSignUp', 'pre-sign-up', {}) : undefined;
    const postAuthentication = props.markEmailVerified ? trigger('PostAuthentication', 'post-authentication', {}) : undefined;
    const sesFeedback = sending.feedbackTopic
      ? trigger('SesFeedback', 'ses-feedback', { TABLE_NAME: this.table.tableName, DELIVERY_BLOCK_DAYS: String(this.config.delivery.deliveryBlockDays) })
      : undefined;
    if (sesFeedback && sending.feedbackTopic) {
      // One write per report, on the user's item: nothing else of the table.
      sesFeedback.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [this.table.tableArn] }));
      sending.feedbackTopic.addSubscription(new subscriptions.LambdaSubscription(sesFeedback));
    }
    this.functions = {
      defineAuthChallenge,
      createAuthChallenge,
      verifyAuthChallengeResponse,
      ...(preSignUp ? { preSignUp } : {}),
      ...(postAuthentication ? { postAuthentication } : {}),
      ...(sesFeedback ? { sesFeedback } : {}),
    };

    this.userPool = props.userPool ?? createSignInPool(this, { featurePlan: props.featurePlan, selfSignUp: props.selfSignUp, removalPolicy });
    this.attachTriggers();
    if (postAuthentication) {
      // A separate policy: on the function's own role it would make the pool and the function depend on each other.
      new iam.Policy(this, 'PostAuthenticationPolicy', {
        roles: [postAuthentication.role!],
        statements: [new iam.PolicyStatement({ actions: ['cognito-idp:AdminUpdateUserAttributes'], resources: [this.userPool.userPoolArn] })],
      });
    }
    if (props.createUserPoolClient ?? true) this.userPoolClient = addSignInClient(this.userPool, props.authSessionValidity);
    guardAuthFlows(this, this.userPool, () => this.config.signInMode);
    atPreparation(this, () => warnIfCaseSensitive(this, this.userPool));

    if (props.wafRateLimitPer5Minutes !== undefined) this.webAcl = createSignInWebAcl(this, this.userPool.userPoolArn, props.wafRateLimitPer5Minutes);
    const monitoring = createSignInMonitoring(this, {
      functions: this.functions,
      table: this.table,
      namespace,
      maxEmailsPerHour: this.config.delivery.maxEmailsPerHour,
      throttledSendsThreshold: monitoringProps.throttledSendsAlarmThreshold ?? 50,
      alarmTopic: monitoringProps.alarmTopic,
    });
    this.alarms = monitoring.alarms;
    this.alarmTopic = monitoring.alarmTopic;
    this.dashboard = monitoring.dashboard;
  }

  /**
   * Mails a sign-in link to `pageUrl` with each code (the `signInLinkUrl` prop, for a page whose address is known
   * only after this construct, such as a CloudFront distribution's domain). Checked like the prop.
   */
  useSignInLink(pageUrl: string): void {
    this.validated = validateProps(this, { ...this.props, signInLinkUrl: pageUrl });
    this.linked = true;
    this.functions.createAuthChallenge.addEnvironment('SIGN_IN_LINK_URL', pageUrl);
    this.functions.verifyAuthChallengeResponse.addEnvironment('SIGN_IN_LINK_URL', pageUrl);
  }

  /** In code mode a link (prop or useSignInLink) or an explicit `false`; checked at synthesis so a later useSignInLink counts. */
  private requireLinkChoice(props: EmailOtpAuthProps): void {
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
  }

  private createTable(removalPolicy: RemovalPolicy): dynamodb.TableV2 {
    const table = new dynamodb.TableV2(this, 'CodeTable', {
      partitionKey: { name: TABLE_PARTITION_KEY, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      timeToLiveAttribute: TABLE_TTL_ATTRIBUTE,
      removalPolicy,
    });
    Validations.of(table).acknowledge({
      id: 'AwsSolutions::AwsSolutions-DDB3',
      reason: 'Items are one-time codes living minutes and send history living an hour: nothing to restore.',
    });
    return table;
  }

  private codeEnvironment(write: (config: Config) => Record<string, string>): Record<string, string> {
    const environment = write({
      ...this.config,
      tableName: this.table.tableName,
      codeKeySource: { kind: 'secret', secretId: this.codeKeySecret.secretArn },
      sesConfigurationSet: this.configurationSet?.configurationSetName,
    });
    // The prop as given: a token stays a token (the config holds the stand-in it was checked with).
    const url = this.props.signInLinkUrl;
    return typeof url === 'string' ? { ...environment, SIGN_IN_LINK_URL: url } : environment;
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
      "The user pool is imported: set its Define, Create and Verify Auth Challenge triggers to this construct's functions where the pool is defined; turn off every auth flow but ALLOW_CUSTOM_AUTH and ALLOW_REFRESH_TOKEN_AUTH on its app clients, and make sure it matches sign-in names case-insensitively (docs/operating-on-aws.md).",
    );
  }
}
