/** The page's runtime config: loaded from config.json, and handed to Amplify. */
import { Amplify } from 'aws-amplify';
import { PAGE_CONFIG_PATH, parsePageConfig, type PageConfig } from '../../triggers/contracts/page-config.ts';

/** What the page needs to reach the user pool; served as `/config.json` locally and by the CDK app when deployed (triggers/contracts/page-config.ts). */
export type RuntimeConfig = PageConfig;

export async function loadRuntimeConfig(url = PAGE_CONFIG_PATH): Promise<RuntimeConfig> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return parsePageConfig(await response.json());
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
