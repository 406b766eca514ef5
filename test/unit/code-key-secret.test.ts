import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { codeKeysFromSecret } from '../../triggers/aws/code-key-secret.ts';
import { ConfigError } from '../../triggers/domain/errors.ts';

const secret = (current: string) => JSON.stringify({ current, k1: 'a'.repeat(32), k2: 'b'.repeat(32) });
const sm = mockClient(SecretsManagerClient);
afterEach(() => sm.reset());

describe('the code key on AWS: read from Secrets Manager once per container, again on rotation', () => {
  it('reads once, keeps the keys 5 minutes, and reads again after', async () => {
    sm.on(GetSecretValueCommand, { SecretId: 'key' }).resolves({ SecretString: secret('k1') });
    let now = 0;
    const load = codeKeysFromSecret('key', new SecretsManagerClient({ region: 'us-east-1' }), () => now);
    await Promise.all([load(), load(), load()]);
    expect((await load()).currentId).toBe('k1');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    now += 299_999;
    await load();
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    now += 1;
    sm.on(GetSecretValueCommand).resolves({ SecretString: secret('k2') });
    expect((await load()).currentId).toBe('k2');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('reads again at once when asked to refresh (a code names a key it lacks)', async () => {
    sm.on(GetSecretValueCommand).resolvesOnce({ SecretString: secret('k1') }).resolves({ SecretString: secret('k2') });
    const load = codeKeysFromSecret('key', new SecretsManagerClient({ region: 'us-east-1' }));
    expect((await load()).currentId).toBe('k1');
    expect((await load({ refresh: true })).currentId).toBe('k2');
  });

  it('does not keep a failed read, and refuses a secret that is not a key set', async () => {
    sm.on(GetSecretValueCommand).rejectsOnce(new Error('throttled')).resolves({ SecretString: '{"current":"x"}' });
    const load = codeKeysFromSecret('key', new SecretsManagerClient({ region: 'us-east-1' }));
    await expect(load()).rejects.toThrow('throttled');
    await expect(load()).rejects.toBeInstanceOf(ConfigError);
    sm.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });
    await expect(codeKeysFromSecret('key', new SecretsManagerClient({ region: 'us-east-1' }))()).rejects.toThrow('without a string value');
  });
});
