import { createAudit, createLogger } from './audit.ts';
import { loadSessionConfig } from './config.ts';
import { createDefineAuthChallengeHandler, defineOptions } from './handlers/define.ts';

/** Define Auth Challenge trigger: decides the next step from the session history. No AWS calls. */
export const handler = createDefineAuthChallengeHandler(defineOptions(loadSessionConfig(process.env)), createAudit(createLogger()));
