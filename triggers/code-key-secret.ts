import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { parseCodeKeys, type CodeKeys, type LoadCodeKeys } from './code-key.ts';
import { awsClientOptions } from './aws-clients.ts';

/** Seconds a container keeps the keys before reading the secret again, so a rotation reaches it. */
const KEY_CACHE_SECONDS = 300;

/**
 * Reads the keys from Secrets Manager once per container (Powertools Parameters caches them) and again
 * when a code names a key the cached copy lacks: a rotation that happened since.
 */
export function codeKeysFromSecret(secretId: string): LoadCodeKeys {
  const provider = new SecretsProvider({ awsSdkV3Client: new SecretsManagerClient(awsClientOptions('secretsmanager')) });
  let parsed: { raw: string; keys: CodeKeys } | undefined;
  return async ({ refresh = false } = {}) => {
    const raw = await provider.get(secretId, { maxAge: KEY_CACHE_SECONDS, forceFetch: refresh });
    if (typeof raw !== 'string') throw new Error('CODE_KEY_SECRET_ID names a secret without a string value');
    if (parsed?.raw !== raw) parsed = { raw, keys: parseCodeKeys(raw, 'CODE_KEY_SECRET_ID') };
    return parsed.keys;
  };
}
