/**
 * Sign-ins through the local stack at one concurrency, nothing else, for a CPU profile of the sign-in path:
 *   node --cpu-prof --cpu-prof-dir=.prof --import tsx bench/profile-sign-ins.ts [concurrency] [sign-ins]
 * Prints sign-ins/s and CPU milliseconds per sign-in of this process.
 */
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { FREE_PORTS, startLocalStack } from '../infra/local/stack.ts';
import { mailboxCodeReader } from './mailbox-codes.ts';
import { signInLoad, signInWith } from './sign-in-load.ts';

const concurrency = Number(process.argv[2] ?? 50);
const total = Number(process.argv[3] ?? 1000);
const stack = await startLocalStack({
  ...FREE_PORTS,
  web: false,
  triggerEnv: { MAX_SENDS_PER_HOUR: '100' },
});
const client = new CognitoIdentityProviderClient({ endpoint: stack.info.cognitoEndpoint, region: stack.info.region, maxAttempts: 1 });
const reader = mailboxCodeReader();
const signIn = signInWith(client, stack.info, reader.read);
const emails = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => {
    const email = `${prefix}${i}@example.com`;
    stack.pool.ensureUser(email);
    return email;
  });
await signInLoad(signIn, emails(100, 'warm'), concurrency);
const figures = await signInLoad(signIn, emails(total, 'load'), concurrency);
console.log(
  `${figures.signIns} sign-ins at ${concurrency} concurrent: ${figures.signInsPerSecond}/s, p50 ${figures.latencyMs.median} ms, ` +
    `CPU ${figures.cpuMsPerSignIn} ms per sign-in`,
);
reader.stop();
client.destroy();
await stack.stop();
