import { Annotations, App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EmailOtpStack } from './email-otp-stack.ts';

/**
 * `npx cdk deploy` (or `npm run synth`). Settings come from context, e.g.
 * `npx cdk deploy -c fromAddress=no-reply@example.com -c signInMode=password-and-code -c hostWebPage=true`.
 */
const app = new App();
const context = (key: string) => app.node.tryGetContext(key) as string | undefined;
const number = (key: string) => (context(key) === undefined ? undefined : Number(context(key)));
const hostWebPage = context('hostWebPage') === 'true';
/** With the hosted page, the emails link to it; without, to `-c signInLinkUrl=...`, or to nothing (codes only: warned). */
const linkContext = context('signInLinkUrl');
const signInLinkUrl = linkContext === 'false' ? false : (linkContext ?? (hostWebPage ? undefined : false));

/** Lets the app synthesize without settings; SES refuses to send from it until it is a verified identity. */
const PLACEHOLDER_FROM = 'no-reply@example.com';
const fromAddress = context('fromAddress');

const stack = new EmailOtpStack(app, context('stackName') ?? 'EmailOtpAuth', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  hostWebPage,
  auth: {
    fromAddress: fromAddress ?? PLACEHOLDER_FROM,
    signInMode: context('signInMode') === 'password-and-code' ? 'password-and-code' : 'code',
    signInLinkUrl,
    appName: context('appName'),
    codeLength: number('codeLength'),
    maxAttempts: number('maxAttempts'),
    maxSendsPerHour: number('maxSendsPerHour'),
    createEmailIdentity: context('createEmailIdentity') as 'domain' | 'address' | undefined,
    createConfigurationSet: context('createConfigurationSet') === 'true',
    autoConfirmSignUp: context('selfSignUp') === 'true',
    selfSignUp: context('selfSignUp') === 'true',
    markEmailVerified: true,
    wafRateLimitPer5Minutes: number('wafRateLimitPer5Minutes'),
  },
});

if (fromAddress === undefined) {
  Annotations.of(stack).addWarningV2(
    'email-otp:placeholder-from-address',
    `fromAddress is not set: the codes would be sent from ${PLACEHOLDER_FROM}, which SES refuses, so no one could sign in. Deploy with -c fromAddress=<your verified sender>.`,
  );
}

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
