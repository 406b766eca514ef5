import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

export interface AdminCreatedUser {
  readonly email: string;
  /** A permanent password (two-step mode); without one the user signs in with a code only. */
  readonly password?: string | undefined;
  readonly groups?: readonly string[] | undefined;
}

/**
 * Adds a user with a verified address through the Admin API, as on AWS (no invitation email): `npm run user:add`
 * and the tests both make their users this way. With a password the user is CONFIRMED; without one it stays in
 * FORCE_CHANGE_PASSWORD, as AdminCreateUser leaves users on Cognito, which code-only sign-in does not mind.
 * When the password or a group is refused, the user just created is deleted before the error is thrown.
 * Returns the pool's username.
 */
export async function createUserAsAdmin(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  { email, password, groups = [] }: AdminCreatedUser,
): Promise<string | undefined> {
  const { User } = await client.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  try {
    if (password) {
      await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }));
    }
    for (const group of groups) {
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }));
    }
  } catch (error) {
    // A user without the password or groups asked for is not the user asked for, and it would block a retry
    // (UsernameExistsException): remove it, and say so if that fails too.
    try {
      await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: email }));
    } catch (cleanup) {
      throw new Error(`${String(error)}; ${email} was created but could not be removed again (${String(cleanup)})`, { cause: error });
    }
    throw error;
  }
  return User?.Username;
}
