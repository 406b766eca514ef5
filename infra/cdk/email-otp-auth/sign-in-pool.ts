// The user pool the construct creates when given none, and the app client it adds for the sign-in page.
import { Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { SIGN_IN_CASE_SENSITIVE } from '../../pool-settings.ts';

export interface SignInPoolOptions {
  readonly featurePlan?: cognito.FeaturePlan | undefined;
  readonly selfSignUp?: boolean | undefined;
  readonly removalPolicy: RemovalPolicy;
}

/** Sign-in by email, matched whatever its letter case (CloudFormation's default is case-sensitive), on Lite unless asked. */
export function createSignInPool(scope: Construct, options: SignInPoolOptions): cognito.UserPool {
  const pool = new cognito.UserPool(scope, 'UserPool', {
    signInAliases: { email: true, username: false },
    signInCaseSensitive: SIGN_IN_CASE_SENSITIVE,
    selfSignUpEnabled: options.selfSignUp ?? false,
    standardAttributes: { email: { required: true, mutable: true } },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
    featurePlan: options.featurePlan ?? cognito.FeaturePlan.LITE,
    removalPolicy: options.removalPolicy,
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

/**
 * The sign-in page's client: CUSTOM_AUTH and refresh only, in both modes. SRP inside the custom flow (two-step mode)
 * needs no ALLOW_USER_SRP_AUTH, and that flow would sign in with the password alone, never calling the triggers.
 */
export function addSignInClient(pool: cognito.IUserPool, authSessionValidity: Duration | undefined): cognito.UserPoolClient {
  return pool.addClient('SignInClient', {
    authFlows: { custom: true },
    generateSecret: false,
    // A single-page app signs in through the API; no hosted-UI OAuth flows or callback URLs.
    disableOAuth: true,
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    authSessionValidity: authSessionValidity ?? Duration.minutes(3),
    accessTokenValidity: Duration.hours(1),
    idTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(30),
  });
}
