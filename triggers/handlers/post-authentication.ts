import { AdminUpdateUserAttributesCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import type { Audit } from '../audit.ts';
import { auditContext } from '../trigger-event.ts';

export interface PostAuthenticationDeps {
  readonly cognito: CognitoIdentityProviderClient;
  readonly audit: Audit;
}

/**
 * Post authentication: a correct email code proves the user reads that mailbox, so `email_verified`
 * becomes true. A failure is logged and does not block the sign-in that already succeeded.
 */
export function createPostAuthenticationHandler({ cognito, audit }: PostAuthenticationDeps) {
  return async (event: PostAuthenticationTriggerEvent): Promise<PostAuthenticationTriggerEvent> => {
    const attributes = event.request?.userAttributes ?? {};
    if (!attributes.email || attributes.email_verified === 'true') return event;
    const context = auditContext('post-authentication', event);
    try {
      await cognito.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: event.userPoolId,
          Username: event.userName,
          UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
        }),
      );
      audit('email_verified', 'ok', context);
    } catch (error) {
      audit('email_verified', 'error', context, { reason: error instanceof Error ? error.name : 'unknown' });
    }
    return event;
  };
}
