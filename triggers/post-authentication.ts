import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createSignInAudit } from './composition/sign-in-audit.ts';
import { awsClientOptions } from './aws/aws-clients.ts';
import { createPostAuthenticationHandler } from './handlers/post-authentication.ts';

/** Optional post authentication trigger: marks the email verified after a correct code. */
export const handler = createPostAuthenticationHandler({
  cognito: new CognitoIdentityProviderClient(awsClientOptions('cognito')),
  audit: createSignInAudit(),
});
