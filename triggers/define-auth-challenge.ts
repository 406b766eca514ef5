import { createAudit, createLogger } from './audit.ts';
import { loadConfig } from './config.ts';
import { createDefineAuthChallengeHandler } from './handlers/define.ts';

const config = loadConfig(process.env);

/** Define Auth Challenge trigger: decides the next step from the session history. No I/O. */
export const handler = createDefineAuthChallengeHandler(
  { signInMode: config.signInMode, maxRounds: config.maxAttempts },
  createAudit(createLogger()),
);
