import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Config } from '../domain/config.ts';
import { createCreateAuthChallengeHandler, type CreateDeps } from '../handlers/create.ts';
import { createDefineAuthChallengeHandler, defineOptions } from '../handlers/define.ts';
import { createPostAuthenticationHandler } from '../handlers/post-authentication.ts';
import { createPreSignUpHandler } from '../handlers/pre-sign-up.ts';
import { createSesFeedbackHandler } from '../handlers/ses-feedback.ts';
import { createVerifyAuthChallengeResponseHandler } from '../handlers/verify.ts';
import { createRuntime } from './runtime.ts';
import { awsClientOptions } from '../aws/aws-clients.ts';
export interface HostOptions {
  /** A clock to run the triggers on (tests move it forward). */
  readonly now?: () => number;
  /** Replaces parts of Create's and Verify's dependencies (tests inject a mailer or a send timing). */
  readonly overrides?: Partial<Omit<CreateDeps, 'config'>>;
  /** Cognito endpoint and region for the optional post authentication trigger; without it, that trigger is left out. */
  readonly cognito?: { readonly endpoint: string; readonly region: string };
  readonly preSignUp?: boolean;
}

/**
 * Every trigger in one process, wired as the Lambda entry points wire each of theirs: for hosts that run
 * them side by side (the local stack, the tests, the bench).
 */
export function hostTriggers(config: Config, options: HostOptions = {}) {
  const runtime = createRuntime(config);
  const deps = { ...runtime, ...(options.now ? { now: options.now } : {}), ...options.overrides };
  const { cognito } = options;
  return {
    runtime: deps,
    define: createDefineAuthChallengeHandler(defineOptions(config), runtime.audit),
    create: createCreateAuthChallengeHandler(deps),
    verify: createVerifyAuthChallengeResponseHandler(deps),
    /** The SES feedback function: the local SES hands it the simulator's bounce and complaint events. */
    sesFeedback: createSesFeedbackHandler({ store: deps.store, audit: deps.audit, deliveryBlockDays: config.delivery.deliveryBlockDays, ...(options.now ? { now: options.now } : {}) }),
    preSignUp: options.preSignUp ? createPreSignUpHandler() : undefined,
    postAuthentication: cognito
      ? createPostAuthenticationHandler({
          cognito: new CognitoIdentityProviderClient({ ...awsClientOptions('cognito'), ...cognito }),
          audit: runtime.audit,
        })
      : undefined,
  };
}
