// The construct's props: what a user sets, each with its default.
import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { SignInMode } from '../../../triggers/domain/config.ts';

/** One language's email templates for {@link EmailOtpAuthProps.emailTemplates}; a built-in language takes any of them. */
export interface EmailLanguageTemplates {
  /** `{{appName}}` and `{{minutes}}` are filled in; never the code or the link. */
  readonly subject?: string;
  /** Must contain `{{code}}` (and `{{link}}` with a sign-in link). */
  readonly text?: string;
  /** Must contain `{{code}}` (and `{{link}}` with a sign-in link); filled-in values are HTML-escaped. */
  readonly html?: string;
  /** What `{{appName}}` says when no `appName` is set: the language's "your account". */
  readonly accountName?: string;
}

/** The construct's monitoring settings ({@link EmailOtpAuthProps.monitoring}). */
export interface EmailOtpAuthMonitoring {
  /**
   * Where the alarms send their notifications (and their return to OK). Subscribe people or a pager to it.
   * @default - a new topic, exposed as `alarmTopic`
   */
  readonly alarmTopic?: sns.ITopic;
  /** CloudWatch namespace of the metrics the triggers' audit lines carry. @default 'EmailOtpAuth' */
  readonly metricNamespace?: string;
  /** Throttled sends in 5 minutes that raise the alarm. @default 50 */
  readonly throttledSendsAlarmThreshold?: number;
  /** Log retention of the trigger functions. @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
}

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
  /** Name shown in the email. @default - "your account" in the email's language */
  readonly appName?: string;
  /**
   * Subject of the default language's email; `{{appName}}` and `{{minutes}}` are filled in (never the code).
   * @default - the built-in one of `emailDefaultLanguage` ('Sign-in code for {{appName}}' in English)
   */
  readonly emailSubject?: string;
  /**
   * Plain-text body of the default language's email; must contain `{{code}}` (and `{{link}}` with a sign-in link),
   * may use `{{appName}}`, `{{minutes}}` and a `{{#link}}...{{/link}}` section kept only when a link is mailed.
   * @default - the built-in one of `emailDefaultLanguage`
   */
  readonly emailTextTemplate?: string;
  /** HTML body of the default language's email; the same placeholders; every filled-in value is HTML-escaped. @default - the built-in one */
  readonly emailHtmlTemplate?: string;
  /**
   * The email's language for users whose `locale` attribute names no language with templates (BCP 47: `en`,
   * `de`, `pt-BR`). Built in: en, de, fr, es, pt, ja, ar. @default 'en'
   */
  readonly emailDefaultLanguage?: string;
  /**
   * Your own wording per language, by BCP 47 tag: parts of a built-in language's templates (`{ de: { subject } }`)
   * or a language of your own with `subject`, `text` and `html` (and `accountName`, what `{{appName}}` says with
   * no `appName`). Checked like the single templates; all templates together must fit Lambda's 4 KB environment.
   * @default - the built-in templates
   */
  readonly emailTemplates?: Readonly<Record<string, EmailLanguageTemplates>>;
  /**
   * Create the SES identity for `fromAddress`: `domain` (Easy DKIM; records published automatically when
   * `hostedZone` is given) or `address` (SES mails a verification link).
   * @default - none: the identity must already be verified in SES
   */
  readonly createEmailIdentity?: 'domain' | 'address';
  /** Route 53 zone of the sender's domain, for the DKIM records of a created domain identity. @default - none */
  readonly hostedZone?: route53.IPublicHostedZone;
  /**
   * Create an SES configuration set and send through it. Delivery feedback makes one too; `false` (with
   * `deliveryFeedback` unset) sends without one, and then no bounce or complaint is recorded.
   * @default - made when `deliveryFeedback` is on
   */
  readonly createConfigurationSet?: boolean;
  /**
   * Record SES bounces and complaints: the configuration set publishes BOUNCE and COMPLAINT events to an SNS topic
   * whose function records them on the user's item, and a permanent bounce or a complaint stops codes to that
   * address for `deliveryBlockDays` or until it changes (docs/operating-on-aws.md, "Delivery").
   * @default - true, unless `createConfigurationSet` is false or `sesRegion` is another region
   */
  readonly deliveryFeedback?: boolean;
  /** Days a permanent bounce or a complaint stops codes to that address, 1 to 365. @default 14 */
  readonly deliveryBlockDays?: number;
  /**
   * Emails per hour for the whole pool (unknown addresses' pretended sends count too), so that a stranger spraying
   * many accounts reaches this, not SES's review. Size it from the SES quota (docs/operating-on-aws.md); an alarm
   * fires at 80 %. 0 turns it off.
   * @default 2000
   */
  readonly maxEmailsPerHour?: number;
  /**
   * Custom MAIL FROM domain of the identity created here (`createEmailIdentity`), a subdomain of the sender's
   * (e.g. `mail.example.com`), so SPF aligns with the sender for DMARC. With `hostedZone` its MX and SPF records are
   * published too; otherwise add them as SES shows.
   * @default - SES's own MAIL FROM (amazonses.com)
   */
  readonly mailFromDomain?: string;
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
  /** Where the alarms notify, the metrics' namespace, the throttled-sends alarm's threshold, the logs' retention. */
  readonly monitoring?: EmailOtpAuthMonitoring;
  /** @deprecated Use `monitoring.logRetention` (the same setting; setting both fails). */
  readonly logRetention?: logs.RetentionDays;
  /** @deprecated Use `monitoring.metricNamespace` (the same setting; setting both fails). */
  readonly metricNamespace?: string;
  /** @deprecated Use `monitoring.throttledSendsAlarmThreshold` (the same setting; setting both fails). */
  readonly throttledSendsAlarmThreshold?: number;
  /** @deprecated Use `monitoring.alarmTopic` (the same setting; setting both fails). */
  readonly alarmTopic?: sns.ITopic;
  /**
   * Region of the SES identity the codes are sent through, when it is not the stack's own (SES is not offered in
   * every region that has Cognito). The identity must then already exist there: `createEmailIdentity` and
   * `createConfigurationSet` make their resources in the stack's region only.
   * @default - the stack's region
   */
  readonly sesRegion?: string;
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
  /** Records SES bounces and complaints from the feedback topic (with `deliveryFeedback`, the default). */
  readonly sesFeedback?: lambda.Function;
}
