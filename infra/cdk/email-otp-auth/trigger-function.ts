// One place for the set-up every trigger function shares: runtime, limits, role, log group, bundle.
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundleFromSource } from '../trigger-bundle-from-source.ts';
import { prebuiltTriggerBundle, type TriggerName } from '../trigger-bundles.ts';

export interface TriggerFunctionOptions {
  readonly entry: TriggerName;
  readonly environment: Record<string, string>;
  readonly logRetention: logs.RetentionDays;
}

/** A trigger function with its own role (log writes only; callers add the rest) and log group. */
export function createTriggerFunction(scope: Construct, id: string, { entry, environment, logRetention }: TriggerFunctionOptions): lambda.Function {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logRetention, removalPolicy: RemovalPolicy.DESTROY });
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Runs the ${id} trigger of ${scope.node.path}`,
  });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logGroup.logGroupArn}`] }));
  const common = {
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 256,
    // Cognito gives a trigger 5 seconds.
    timeout: Duration.seconds(5),
    role,
    logGroup,
    environment: { ...environment, POWERTOOLS_SERVICE_NAME: 'cognito-email-otp', NODE_OPTIONS: '--enable-source-maps' },
  };
  // Installed from npm, the package's minified bundles are deployed as they are: no esbuild, no lockfile needed.
  // In the repository, the same bundle is built from source.
  const prebuilt = prebuiltTriggerBundle(entry);
  const code = prebuilt ? lambda.Code.fromAsset(prebuilt) : codeFromSource(entry);
  const fn = new lambda.Function(scope, id, { ...common, code, handler: 'index.handler' });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions::AwsSolutions-L1',
    reason: 'The triggers are built and tested for Node.js 22 (nodejs22.x); move with the project, not ahead of it.',
  });
  return fn;
}

/**
 * The function code of trigger `name` built from this checkout as CDK asset bundling, as NodejsFunction does: into
 * the cloud assembly, hashed by what was built, and skipped for stacks CDK does not bundle (`cdk ls`, the
 * `aws:cdk:bundling-stacks` context).
 */
function codeFromSource(name: TriggerName): lambda.Code {
  return lambda.Code.fromAsset(fileURLToPath(new URL('../../../', import.meta.url)), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: the local build either succeeds or throws saying why.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      // Tells the six functions' assets apart in CDK's cache of bundled assets.
      command: ['bundle-trigger', name],
      local: {
        tryBundle(outputDir) {
          bundleFromSource(name, outputDir);
          return true;
        },
      },
    },
  });
}
