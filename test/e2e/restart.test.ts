import { GetUserCommand, GetTokensFromRefreshTokenCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/listen.ts';
import { startTestStack, type TestStack } from '../helpers/test-stack.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'otp-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('sign-ins and revocations survive a restart of the stack', () => {
  it('a revoked access token stays revoked, and a live refresh token keeps working', { timeout: 180_000 }, async () => {
    // The same port: the issuer names it, as it names the pool on AWS.
    const options = { dataDir, cognitoPort: await freePort() };
    let t: TestStack = await startTestStack({}, options);
    let revoked: string;
    let live: { refreshToken: string; accessToken: string };
    try {
      const { email } = await t.createUser();
      const first = await t.signIn(email);
      await t.client.send(new GlobalSignOutCommand({ AccessToken: first.AccessToken }));
      revoked = first.AccessToken!;
      // Another user: a second code for the same one would wait out the resend interval.
      const second = await t.signIn((await t.createUser()).email);
      live = { refreshToken: second.RefreshToken!, accessToken: second.AccessToken! };
      await expect(t.client.send(new GetUserCommand({ AccessToken: revoked }))).rejects.toMatchObject({ message: 'Access Token has been revoked' });
    } finally {
      await t.stop();
    }
    // Refresh tokens are kept only as hashes.
    expect(readFileSync(join(dataDir, 'sign-ins.json'), 'utf8')).not.toContain(live.refreshToken);

    t = await startTestStack({}, options);
    try {
      await expect(t.client.send(new GetUserCommand({ AccessToken: revoked }))).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Access Token has been revoked',
      });
      expect((await t.client.send(new GetUserCommand({ AccessToken: live.accessToken }))).Username).toEqual(expect.any(String));
      const refreshed = await t.client.send(
        new GetTokensFromRefreshTokenCommand({ ClientId: t.info.userPoolClientId, RefreshToken: live.refreshToken }),
      );
      expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    } finally {
      await t.stop();
    }
  });
});
