import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The trigger entry points, by the name of their file in triggers/ and of their bundle folder in the package. */
export const TRIGGER_NAMES = [
  'define-auth-challenge',
  'create-auth-challenge',
  'verify-auth-challenge-response',
  'pre-sign-up',
  'post-authentication',
  /** Not a Cognito trigger: records SES bounces and complaints (delivery feedback). */
  'ses-feedback',
] as const;

export type TriggerName = (typeof TRIGGER_NAMES)[number];

/**
 * Where the installed package keeps its prebuilt, minified trigger bundles: `dist/lambda/<name>/index.js`
 * (with its source map), two folders up from this module's built copy in `dist/infra/cdk/`. In the
 * repository (this file run from source) there is no such folder and the construct bundles from source.
 */
const bundlesDir = fileURLToPath(new URL('../../lambda/', import.meta.url));

/** The folder holding the prebuilt bundle of `name` (`index.js`, handler `index.handler`), or undefined. */
export function prebuiltTriggerBundle(name: TriggerName): string | undefined {
  const dir = join(bundlesDir, name);
  return existsSync(join(dir, 'index.js')) ? dir : undefined;
}
