import type { PreSignUpTriggerEvent } from 'aws-lambda';

/**
 * Pre sign-up: confirms self sign-ups at once, so a passwordless user can sign in with a code straight
 * away. The email is not marked verified here: the first correct code proves it (post authentication).
 */
export function createPreSignUpHandler() {
  return async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
    if (event.triggerSource === 'PreSignUp_SignUp') {
      event.response.autoConfirmUser = true;
      event.response.autoVerifyEmail = false;
    }
    return event;
  };
}
