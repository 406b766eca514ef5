import { loadConfig } from './config.ts';
import { createVerifyAuthChallengeResponseHandler } from './handlers/verify.ts';
import { createStoreRuntime } from './runtime.ts';

/** Verify Auth Challenge Response trigger: counts the guess, then checks it against the current code. */
export const handler = createVerifyAuthChallengeResponseHandler(createStoreRuntime(loadConfig(process.env)));
