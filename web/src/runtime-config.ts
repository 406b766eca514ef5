import { Amplify } from 'aws-amplify';

/** What the page needs to reach the user pool; served as `/config.json` locally and by the CDK app when deployed. */
export interface RuntimeConfig {
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** Only for the local stack; absent on AWS. */
  readonly userPoolEndpoint?: string;
  readonly signInMode: 'code' | 'password-and-code';
}

export async function loadRuntimeConfig(url = '/config.json'): Promise<RuntimeConfig> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  const raw = (await response.json()) as Record<string, unknown>;
  for (const key of ['userPoolId', 'userPoolClientId'] as const) {
    if (typeof raw[key] !== 'string' || raw[key] === '') throw new Error(`config.json has no ${key}`);
  }
  return {
    region: String(raw.region ?? String(raw.userPoolId).split('_')[0]),
    userPoolId: String(raw.userPoolId),
    userPoolClientId: String(raw.userPoolClientId),
    ...(typeof raw.userPoolEndpoint === 'string' && raw.userPoolEndpoint ? { userPoolEndpoint: raw.userPoolEndpoint } : {}),
    signInMode: raw.signInMode === 'password-and-code' ? 'password-and-code' : 'code',
  };
}

/** Points Amplify's Auth client at the pool (and at the local stack's endpoint when there is one). */
export function configureAuth(config: RuntimeConfig): void {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}),
      },
    },
  });
}
