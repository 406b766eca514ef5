/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias: see
 * infra/cdk/trigger-bundling.ts). Lambda gives a function its execution role's credentials in the environment, so
 * the default chain's other sources (profiles, SSO, web identity, the instance metadata service, and the STS and
 * SSO clients they carry, about 110 KB of each bundle) are never used there. Run unbundled (tests, the local
 * stack), the triggers keep the SDK's default chain.
 */

/** The SDK's credential identity, as its providers return it. */
export interface EnvironmentCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** Same name and shape as the default chain's export, which the SDK clients' runtime configuration imports. */
export function defaultProvider(): () => Promise<EnvironmentCredentials> {
  return async () => {
    const env = process.env;
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw Object.assign(new Error('No AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)'), {
        name: 'CredentialsProviderError',
      });
    }
    return {
      accessKeyId,
      secretAccessKey,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
      ...(env.AWS_CREDENTIAL_EXPIRATION ? { expiration: new Date(env.AWS_CREDENTIAL_EXPIRATION) } : {}),
    };
  };
}
