/**
 * The repository's `prepare` step (run by `npm ci` and `npm install`): installs Node.js 22, the Lambda runtime, into
 * test/lambda-runtime from its own lockfile, unless that version is already there.
 */
import { execFileSync } from 'node:child_process';
import { installedLambdaNode, LAMBDA_RUNTIME_DIR } from '../helpers/lambda-runtime.ts';

if (!installedLambdaNode()) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: LAMBDA_RUNTIME_DIR,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}
