import { loadConfig } from './config.ts';
import { createCreateAuthChallengeHandler } from './handlers/create.ts';
import { createRuntime } from './runtime.ts';

/** Create Auth Challenge trigger: issues or reuses the email code for a custom challenge round. */
export const handler = createCreateAuthChallengeHandler(createRuntime(loadConfig(process.env)));
