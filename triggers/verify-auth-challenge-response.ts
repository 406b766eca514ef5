import { loadCodeConfig } from './domain/config.ts';
import { createVerifyAuthChallengeResponseHandler } from './handlers/verify.ts';
import { createStoreRuntime } from './composition/runtime.ts';

/** Verify Auth Challenge Response trigger: counts the guess, then checks it against the current code. */
export const handler = createVerifyAuthChallengeResponseHandler(createStoreRuntime(loadCodeConfig(process.env)));
