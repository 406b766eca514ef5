import { App, Validations } from 'aws-cdk-lib';
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

new EmailOtpStack(app, context('stackName') ?? 'EmailOtpAuth', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  hostWebPage,
  auth: {
    fromAddress: context('fromAddress') ?? 'no-reply@example.com',
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

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
