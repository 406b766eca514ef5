import { loadConfig } from './domain/config.ts';
import { createCreateAuthChallengeHandler } from './handlers/create.ts';
import { createRuntime } from './composition/runtime.ts';

/** Create Auth Challenge trigger: issues or reuses the email code for a custom challenge round. */
export const handler = createCreateAuthChallengeHandler(createRuntime(loadConfig(process.env)));
