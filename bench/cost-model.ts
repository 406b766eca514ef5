/** Turns measured AWS calls per sign-in into dollars per million sign-ins, from the prices in prices.json. */
export interface Prices {
  readonly lambda: { readonly perMillionRequests: number; readonly perGbSecondArm64: number };
  readonly dynamodbOnDemand: { readonly perMillionWriteRequestUnits: number; readonly perMillionReadRequestUnits: number };
  readonly ses: { readonly perThousandEmails: number };
  readonly cognito: { readonly litePerMau: number; readonly essentialsPerMau: number };
}

export interface CallsPerSignIn {
  readonly lambdaInvocations: number;
  /** Sum over the invocations of one sign-in of their billed milliseconds (each rounded up to 1 ms). */
  readonly lambdaBilledMs: number;
  /** Strongly consistent reads of items under 4 KB: one read request unit each. */
  readonly dynamodbReads: number;
  /** Writes of items under 1 KB (conditional failures included): one write request unit each. */
  readonly dynamodbWrites: number;
  readonly sesEmails: number;
}

export interface CostPerMillion {
  readonly lambda: number;
  readonly dynamodb: number;
  readonly ses: number;
  readonly total: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function costPerMillionSignIns(calls: CallsPerSignIn, prices: Prices, memoryMb: number): CostPerMillion {
  const million = 1_000_000;
  const lambda =
    calls.lambdaInvocations * prices.lambda.perMillionRequests +
    (calls.lambdaBilledMs / 1000) * (memoryMb / 1024) * prices.lambda.perGbSecondArm64 * million;
  const dynamodb =
    calls.dynamodbReads * prices.dynamodbOnDemand.perMillionReadRequestUnits +
    calls.dynamodbWrites * prices.dynamodbOnDemand.perMillionWriteRequestUnits;
  const ses = calls.sesEmails * prices.ses.perThousandEmails * (million / 1000);
  return { lambda: round(lambda), dynamodb: round(dynamodb), ses: round(ses), total: round(lambda + dynamodb + ses) };
}

/**
 * Cognito charges per monthly active user, not per sign-in: this product runs on the Lite plan, the built-in
 * email OTP needs Essentials. For a million sign-ins made by `mau` users, the plan difference next to the
 * triggers' own cost.
 */
export function compareWithBuiltInOtp(perMillion: CostPerMillion, prices: Prices, signInsPerMau: number) {
  const mau = 1_000_000 / signInsPerMau;
  return {
    signInsPerMau,
    monthlyActiveUsers: round(mau),
    thisProduct: round(mau * prices.cognito.litePerMau + perMillion.total),
    cognitoBuiltInEmailOtp: round(mau * prices.cognito.essentialsPerMau + perMillion.ses),
  };
}
