import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsClientOptions } from './aws-clients.ts';
import { callOptions } from '../domain/deadline.ts';
import { parseCodeKeys, type CodeKeys, type LoadCodeKeys } from '../domain/code-key.ts';

/** Seconds a container keeps the keys before reading the secret again, so a rotation reaches it. */
const KEY_CACHE_SECONDS = 300;

/**
 * Reads the keys from Secrets Manager once per container and keeps them KEY_CACHE_SECONDS, reading again
 * sooner when a code names a key the cached copy lacks (a rotation that happened since). Parallel callers
 * share one request.
 */
export function codeKeysFromSecret(
  secretId: string,
  client = new SecretsManagerClient(awsClientOptions('secretsmanager')),
  now: () => number = Date.now,
): LoadCodeKeys {
  let cached: { keys: Promise<CodeKeys>; readAt: number } | undefined;
  async function read(): Promise<CodeKeys> {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }), callOptions());
    if (typeof SecretString !== 'string') throw new Error('CODE_KEY_SECRET_ID names a secret without a string value');
    return parseCodeKeys(SecretString, 'CODE_KEY_SECRET_ID');
  }
  return ({ refresh = false } = {}) => {
    if (refresh || !cached || now() - cached.readAt >= KEY_CACHE_SECONDS * 1000) {
      const keys = read();
      const entry = { keys, readAt: now() };
      cached = entry;
      // A failed read is not kept: the next caller tries again.
      keys.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.keys;
  };
}
