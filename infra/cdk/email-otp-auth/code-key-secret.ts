// The Secrets Manager secret holding the server-side key the codes are hashed under.
import { Validations, type RemovalPolicy } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/** A generated 64-character key under id `k1`, in the `{ "current": ..., "<id>": ... }` shape the triggers read. */
export function createCodeKeySecret(scope: Construct, removalPolicy: RemovalPolicy): secretsmanager.Secret {
  const secret = new secretsmanager.Secret(scope, 'CodeKey', {
    description: `Key the one-time codes of ${scope.node.path} are hashed under`,
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ current: 'k1' }),
      generateStringKey: 'k1',
      passwordLength: 64,
      excludePunctuation: true,
    },
    removalPolicy,
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SMG4',
    reason: 'Rotation adds a key beside the current one (see codeKeySecret); a rotation Lambda would outlive the codes it protects.',
  });
  return secret;
}
