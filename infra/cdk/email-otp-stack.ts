import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { pageConfigFile, type PageConfig } from '../../triggers/contracts/page-config.ts';
import { signInLinkPage } from '../../triggers/contracts/sign-in-link.ts';
import { EmailOtpAuth, type EmailOtpAuthProps } from './email-otp-auth.ts';
import { WebHosting } from './web-hosting.ts';

export interface EmailOtpStackProps extends StackProps {
  /** Props of the EmailOtpAuth construct; the stack creates the user pool and client. */
  readonly auth: Omit<EmailOtpAuthProps, 'userPool' | 'createUserPoolClient'>;
  /** Host the sign-in page (S3 + CloudFront) with a `config.json` from this stack's outputs. @default false */
  readonly hostWebPage?: boolean;
  /** Where the built page is. @default the repository's web/dist (`npm run build:web`) */
  readonly webDistDir?: string;
}

/** A ready deployment: a user pool with email-code sign-in, its app client, and optionally the sign-in page. */
export class EmailOtpStack extends Stack {
  readonly auth: EmailOtpAuth;
  readonly web?: WebHosting;

  constructor(scope: Construct, id: string, props: EmailOtpStackProps) {
    super(scope, id, props);
    this.auth = new EmailOtpAuth(this, 'EmailOtpAuth', { removalPolicy: RemovalPolicy.DESTROY, ...props.auth });
    const client = this.auth.userPoolClient!;
    const runtimeConfig = {
      region: this.region,
      userPoolId: this.auth.userPool.userPoolId,
      userPoolClientId: client.userPoolClientId,
      signInMode: this.auth.config.signInMode,
    } satisfies PageConfig;
    new CfnOutput(this, 'UserPoolId', { value: runtimeConfig.userPoolId, key: 'userPoolId' });
    new CfnOutput(this, 'UserPoolClientId', { value: runtimeConfig.userPoolClientId, key: 'userPoolClientId' });
    new CfnOutput(this, 'Region', { value: runtimeConfig.region, key: 'region' });
    new CfnOutput(this, 'SignInMode', { value: runtimeConfig.signInMode, key: 'signInMode' });

    if (props.hostWebPage) {
      this.web = new WebHosting(this, 'Web', { runtimeConfig: pageConfigFile(runtimeConfig), distDir: props.webDistDir });
      const webUrl = `https://${this.web.distribution.distributionDomainName}`;
      new CfnOutput(this, 'WebUrl', { value: webUrl, key: 'webUrl' });
      // Each code email links to the hosted page, unless the props name another (or none).
      const page = signInLinkPage(this.auth.config.signInMode, props.auth.signInLinkUrl, `${webUrl}/`);
      if (props.auth.signInLinkUrl === undefined && page) this.auth.useSignInLink(page);
    }
  }
}
