import { createAudit, createLogger } from './audit.ts';
import { loadSessionConfig } from './config.ts';
import { createDefineAuthChallengeHandler } from './handlers/define.ts';

const config = loadSessionConfig(process.env);

/** Define Auth Challenge trigger: decides the next step from the session history. No AWS calls. */
export const handler = createDefineAuthChallengeHandler(
  { signInMode: config.signInMode, maxRounds: config.maxAttempts },
  createAudit(createLogger()),
);
