import { AdminUpdateUserAttributesCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import type { Audit } from '../domain/audit.ts';
import { callOptions, withDeadline } from '../domain/deadline.ts';
import { auditContext } from '../domain/trigger-event.ts';

export interface PostAuthenticationDeps {
  readonly cognito: CognitoIdentityProviderClient;
  readonly audit: Audit;
  /** What the update may take in all, retries included. @default POST_AUTHENTICATION_BUDGET_MS */
  readonly budgetMs?: number;
}

/**
 * Post authentication runs after the code was spent and before Cognito hands out the tokens: a trigger that
 * outlives Cognito's 5 seconds would fail a sign-in that succeeded. 3 s leave room for a cold start.
 */
export const POST_AUTHENTICATION_BUDGET_MS = 3_000;

/**
 * Post authentication: a correct email code proves the user reads that mailbox, so `email_verified`
 * becomes true. A failure is logged and does not block the sign-in that already succeeded.
 */
export function createPostAuthenticationHandler({ cognito, audit, budgetMs = POST_AUTHENTICATION_BUDGET_MS }: PostAuthenticationDeps) {
  return (event: PostAuthenticationTriggerEvent): Promise<PostAuthenticationTriggerEvent> => withDeadline(budgetMs, async () => {
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
        callOptions(),
      );
      audit('email_verified', 'ok', context);
    } catch (error) {
      audit('email_verified', 'error', context, { reason: error instanceof Error ? error.name : 'unknown' });
    }
    return event;
  });
}
