import { loadConfig } from './config.ts';
import { createVerifyAuthChallengeResponseHandler } from './handlers/verify.ts';
import { createRuntime } from './runtime.ts';

/** Verify Auth Challenge Response trigger: counts the guess, then checks it against the current code. */
export const handler = createVerifyAuthChallengeResponseHandler(createRuntime(loadConfig(process.env)));
