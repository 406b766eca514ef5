// Synthesis-time checks of the pool's app clients and letter case: what would let a sign-in skip the code or lose a person.
import { Annotations, Aspects, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { IConstruct } from 'constructs';
import { FLOWS_THAT_SKIP_TRIGGERS } from '../../pool-settings.ts';

/** ExplicitAuthFlows values, old names included, that sign in without Define, Create and Verify. */
const SKIPPING = new Set<string>([...FLOWS_THAT_SKIP_TRIGGERS, 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH']);

/** The app clients of `pool` defined anywhere in the app, with what each allows that skips the triggers. */
export function clientsThatSkipTheCode(root: IConstruct, pool: cognito.IUserPool): Array<{ path: string; flows: string[] }> {
  const found: Array<{ path: string; flows: string[] }> = [];
  for (const node of root.node.findAll()) {
    if (!(node instanceof cognito.CfnUserPoolClient) || node.userPoolId !== pool.userPoolId) continue;
    const flows = node.explicitAuthFlows;
    // An L2 client's path, not that of its inner `Resource`.
    const path = node.node.id === 'Resource' && node.node.scope ? node.node.scope.node.path : node.node.path;
    if (flows === undefined) {
      // A client created without ExplicitAuthFlows allows USER_SRP_AUTH (API reference).
      found.push({ path, flows: ['no ExplicitAuthFlows (which allows ALLOW_USER_SRP_AUTH)'] });
    } else if (Token.isUnresolved(flows)) {
      found.push({ path, flows: ['ExplicitAuthFlows that cannot be read at synthesis'] });
    } else {
      const skipping = flows.filter((flow) => SKIPPING.has(flow));
      if (skipping.length > 0) found.push({ path, flows: skipping });
    }
  }
  return found;
}

/**
 * In two-step mode, synthesis fails for each app client of the pool that signs in without the code; in code mode the
 * same clients are a warning (people with a password could sign in without an email).
 */
export function guardAuthFlows(construct: IConstruct, pool: cognito.IUserPool, mode: () => 'code' | 'password-and-code'): void {
  const describe = ({ path, flows }: { path: string; flows: string[] }) =>
    `app client ${path} allows ${flows.join(', ')}, which signs in with the password alone and never asks for the email code`;
  construct.node.addValidation({
    validate: () =>
      mode() === 'password-and-code'
        ? clientsThatSkipTheCode(construct.node.root, pool).map(
            (client) =>
              `EmailOtpAuth (password-and-code): ${describe(client)}. Set its ExplicitAuthFlows to ALLOW_CUSTOM_AUTH and ALLOW_REFRESH_TOKEN_AUTH only (CDK: authFlows: { custom: true }); SRP inside the custom flow needs nothing else.`,
          )
        : [],
  });
  // Warnings are added while the app is prepared (an aspect), when every client exists; validation is too late for them.
  atPreparation(construct, () => {
    if (mode() !== 'code') return;
    for (const client of clientsThatSkipTheCode(construct.node.root, pool)) {
      Annotations.of(construct).addWarningV2('email-otp:password-flow', `${describe(client)}.`);
    }
  });
}

/** Runs `check` once, when the app is prepared for synthesis. */
export function atPreparation(construct: IConstruct, check: () => void): void {
  Aspects.of(construct).add({ visit: (node) => void (node === construct && check()) });
}

/** Warns when the pool is one of this app whose sign-in names are case-sensitive (the CloudFormation default). */
export function warnIfCaseSensitive(construct: IConstruct, pool: cognito.IUserPool): void {
  if (!(pool instanceof cognito.UserPool)) return;
  const cfn = pool.node.defaultChild as cognito.CfnUserPool;
  const configuration = cfn.usernameConfiguration as cognito.CfnUserPool.UsernameConfigurationProperty | undefined;
  if (configuration !== undefined && Token.isUnresolved(configuration)) return;
  if (configuration?.caseSensitive === false) return;
  Annotations.of(construct).addWarningV2(
    'email-otp:case-sensitive-pool',
    `The user pool ${pool.node.path} matches sign-in names case-sensitively (signInCaseSensitive is not false): someone who types Alice@Example.com for alice@example.com is an unknown user and no email comes. Create pools with signInCaseSensitive: false (it cannot be changed later), or keep the client helper's lower-casing on and store addresses in lower case.`,
  );
}
