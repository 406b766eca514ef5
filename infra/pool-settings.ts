// The user-pool settings the product relies on, shared by the CDK construct and the local stack so both keep them alike.

/** The only auth flows an app client of the product allows: the triggers run in CUSTOM_AUTH, refresh keeps a sign-in. */
export const PRODUCT_AUTH_FLOWS = ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;

/**
 * Flows that sign in without ever calling Define, Create or Verify: on a two-step pool each gets tokens with the
 * password alone. `ALLOW_USER_AUTH` is Cognito's choice-based flow (Essentials and Plus).
 */
export const FLOWS_THAT_SKIP_TRIGGERS = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_USER_AUTH',
] as const;

/** What an app client created without `ExplicitAuthFlows` allows (API reference, UserPoolClientType.ExplicitAuthFlows). */
export const DEFAULT_CLIENT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'] as const;

/** Pools the construct creates match sign-in names whatever their letter case (`UsernameConfiguration.CaseSensitive: false`). */
export const SIGN_IN_CASE_SENSITIVE = false;
