import type { IncomingHttpHeaders } from 'node:http';
import { CognitoServiceError } from './errors.ts';

const ALGORITHM = 'AWS4-HMAC-SHA256';

/**
 * Admin* operations need a request signed with AWS Signature Version 4, as on AWS. The local stack has no
 * IAM, so any access key is accepted and the signature itself is not recomputed: the request must carry
 * a well-formed SigV4 Authorization header scoped to this region and `cognito-idp`, and its X-Amz-Date,
 * which is what every AWS SDK and the AWS CLI send. A browser page cannot produce one by accident.
 */
export function checkSigV4(headers: IncomingHttpHeaders, region: string): void {
  const authorization = headers.authorization;
  if (typeof authorization !== 'string' || authorization === '') {
    throw new CognitoServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  if (!authorization.startsWith(`${ALGORITHM} `)) {
    throw new CognitoServiceError('IncompleteSignatureException', `Authorization header requires the ${ALGORITHM} algorithm.`);
  }
  const parts = new Map<string, string>();
  for (const part of authorization.slice(ALGORITHM.length + 1).split(',')) {
    const [key, ...rest] = part.trim().split('=');
    if (key) parts.set(key, rest.join('='));
  }
  for (const required of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!parts.get(required)) {
      throw new CognitoServiceError('IncompleteSignatureException', `Authorization header requires '${required}' parameter.`);
    }
  }
  const scope = /^[^/\s]+\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request$/.exec(parts.get('Credential')!);
  if (!scope) throw new CognitoServiceError('IncompleteSignatureException', 'Credential is not of the form <key>/<date>/<region>/<service>/aws4_request.');
  if (scope[2] !== region || scope[3] !== 'cognito-idp') {
    throw new CognitoServiceError('InvalidSignatureException', `Credential should be scoped to region ${region} and service cognito-idp.`);
  }
  if (!/^[0-9a-f]{64}$/.test(parts.get('Signature')!)) {
    throw new CognitoServiceError('IncompleteSignatureException', 'Signature must be 64 hexadecimal characters.');
  }
  const signed = parts.get('SignedHeaders')!.split(';');
  const date = headers['x-amz-date'];
  if (!signed.includes('host') || typeof date !== 'string' || !/^\d{8}T\d{6}Z$/.test(date) || !signed.includes('x-amz-date')) {
    throw new CognitoServiceError('IncompleteSignatureException', 'The request must sign the host and X-Amz-Date headers.');
  }
  if (date.slice(0, 8) !== scope[1]) {
    throw new CognitoServiceError('InvalidSignatureException', 'The date in Credential does not match X-Amz-Date.');
  }
}
