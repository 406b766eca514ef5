import { createAudit, createLogger } from './domain/audit.ts';
import { loadSessionConfig } from './domain/config.ts';
import { createDefineAuthChallengeHandler, defineOptions } from './handlers/define.ts';

/** Define Auth Challenge trigger: decides the next step from the session history. No AWS calls; its lines count towards no metric. */
export const handler = createDefineAuthChallengeHandler(defineOptions(loadSessionConfig(process.env)), createAudit(createLogger()));
