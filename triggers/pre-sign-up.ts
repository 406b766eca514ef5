import { createPreSignUpHandler } from './handlers/pre-sign-up.ts';

/** Optional pre sign-up trigger: auto-confirms passwordless self sign-up. */
export const handler = createPreSignUpHandler();
