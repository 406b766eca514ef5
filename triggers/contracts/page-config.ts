/**
 * The sign-in page's runtime config contract: `config.json` beside the page, written by the local stack's page
 * server and the CDK app's hosting, read by the page at start. Pure: no Node, AWS or Amplify import.
 */

/** Where the page fetches it, relative to the page. */
export const PAGE_CONFIG_PATH = '/config.json';

/** What the page needs to reach the user pool. */
export interface PageConfig {
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** Only for the local stack; absent on AWS. */
  readonly userPoolEndpoint?: string | undefined;
  readonly signInMode: 'code' | 'password-and-code';
  /** Only for the local stack: its mailbox page, which the page links to (the emails go nowhere else). */
  readonly mailboxUrl?: string | undefined;
}

/** The writers' side: the file's content, every key a string and unset ones left out. */
export function pageConfigFile(config: PageConfig): Record<string, string> {
  const file: Record<string, string> = {
    region: config.region,
    userPoolId: config.userPoolId,
    userPoolClientId: config.userPoolClientId,
    signInMode: config.signInMode,
  };
  if (config.userPoolEndpoint) file.userPoolEndpoint = config.userPoolEndpoint;
  if (config.mailboxUrl) file.mailboxUrl = config.mailboxUrl;
  return file;
}

/** The page's side: the file's JSON as a {@link PageConfig}; throws an Error naming a missing key. */
export function parsePageConfig(json: unknown): PageConfig {
  const raw = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  for (const key of ['userPoolId', 'userPoolClientId'] as const) {
    if (typeof raw[key] !== 'string' || raw[key] === '') throw new Error(`config.json has no ${key}`);
  }
  const userPoolId = String(raw.userPoolId);
  return {
    // A pool id names its region (`us-east-1_AbC`): the key may be left out.
    region: typeof raw.region === 'string' && raw.region ? raw.region : userPoolId.split('_')[0]!,
    userPoolId,
    userPoolClientId: String(raw.userPoolClientId),
    ...(typeof raw.userPoolEndpoint === 'string' && raw.userPoolEndpoint ? { userPoolEndpoint: raw.userPoolEndpoint } : {}),
    signInMode: raw.signInMode === 'password-and-code' ? 'password-and-code' : 'code',
    // Only a web address becomes a link on the page.
    ...(typeof raw.mailboxUrl === 'string' && /^https?:\/\//.test(raw.mailboxUrl) ? { mailboxUrl: raw.mailboxUrl } : {}),
  };
}
