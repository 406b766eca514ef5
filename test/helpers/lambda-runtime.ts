/**
 * Node.js 22, the runtime the triggers deploy on (nodejs22.x), as an npm package installed into test/lambda-runtime
 * by the repository's `npm ci` (test/lambda-runtime/install.ts): the tests run the built functions on it, in a
 * child process, whatever Node.js runs the tests.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LAMBDA_RUNTIME_DIR = resolve(import.meta.dirname, '../lambda-runtime');

interface Manifest {
  version: string;
  optionalDependencies?: Record<string, string>;
  bin?: Record<string, string>;
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** The installed Node.js 22 binary of this machine's platform, or undefined when it is missing or another version. */
export function installedLambdaNode(): string | undefined {
  const { version, optionalDependencies = {} } = manifest(LAMBDA_RUNTIME_DIR);
  for (const name of Object.keys(optionalDependencies)) {
    const dir = join(LAMBDA_RUNTIME_DIR, 'node_modules', name);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const installed = manifest(dir);
    const binary = join(dir, installed.bin?.node ?? 'bin/node');
    if (installed.version === version && existsSync(binary)) return binary;
  }
  return undefined;
}

/** The Node.js 22 binary; throws, saying how to install it, when it is not there. */
export function lambdaNode(): string {
  const binary = installedLambdaNode();
  if (!binary) {
    throw new Error(
      `Node.js ${manifest(LAMBDA_RUNTIME_DIR).version} (the Lambda runtime) is not installed in ${LAMBDA_RUNTIME_DIR}: ` +
        'run npm ci (its prepare step installs it), or npm ci --prefix test/lambda-runtime.',
    );
  }
  return binary;
}

/** Loads a bundle, as Lambda does, and calls its `handler` with the event read from standard input. */
const INVOKE = `
const { handler } = require(process.argv[1]);
let input = '';
process.stdin.setEncoding('utf8').on('data', (chunk) => (input += chunk)).on('end', async () => {
  try {
    const result = await handler(JSON.parse(input));
    process.stdout.write(JSON.stringify({ node: process.version, result }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ node: process.version, error: { name: error.name, message: error.message } }));
  }
});
`;

export interface Invocation<T> {
  /** process.version of the process that ran the function. */
  readonly node: string;
  readonly result?: T;
  /** What the handler threw (Lambda reports it to Cognito as a failed invocation). */
  readonly error?: { readonly name: string; readonly message: string };
}

/**
 * Runs a bundle's handler once on Node.js 22 in a fresh process whose environment is only `env` (as a function's
 * configuration is), and returns what it returned or threw.
 */
export function invokeOnLambdaNode<T = unknown>(bundle: string, event: unknown, env: Record<string, string>): Promise<Invocation<T>> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(lambdaNode(), ['-e', INVOKE, bundle], { env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${bundle} did not run on Node.js 22: ${error.message}\n${stderr}`));
      else resolvePromise(JSON.parse(stdout) as Invocation<T>);
    });
    child.stdin!.end(JSON.stringify(event));
  });
}
