import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Server side of Cognito's SRP-6a, mirroring amazon-cognito-identity-js `AuthenticationHelper` (which
 * Amplify's SRP follows too): the 3072-bit MODP group of RFC 3526 with g = 2, SHA-256 over "padded"
 * big-endian hex, and an HKDF with info "Caldera Derived Key".
 */
const N = BigInt(
  '0x' +
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    e >>= 1n;
    b = (b * b) % modulus;
  }
  return result;
}

/** Even-length hex with a leading 00 when the high bit is set (the client's `padHex` for positive values). */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hexHash(hex: string): string {
  return sha256(Buffer.from(hex, 'hex'));
}

const k = BigInt(`0x${hexHash(padHex(N) + padHex(g))}`);

function randomBigInt(bytes: number): bigint {
  return BigInt(`0x${randomBytes(bytes).toString('hex')}`);
}

function passwordExponent(poolName: string, userIdForSrp: string, password: string, saltHex: string): bigint {
  const inner = sha256(`${poolName}${userIdForSrp}:${password}`);
  return BigInt(`0x${hexHash(padHex(BigInt(`0x${saltHex}`)) + inner)}`);
}

export interface PasswordVerifier {
  /** Hex. */
  readonly salt: string;
  /** Hex of g^x mod N; the password itself is never kept. */
  readonly verifier: string;
}

export function createPasswordVerifier(poolName: string, userIdForSrp: string, password: string): PasswordVerifier {
  const salt = randomBytes(16).toString('hex');
  const x = passwordExponent(poolName, userIdForSrp, password, salt);
  return { salt, verifier: modPow(g, x, N).toString(16) };
}

/** USER_PASSWORD_AUTH's check: the verifier recomputed from the stored salt and the sent password, compared in constant time. */
export function passwordMatches(poolName: string, userIdForSrp: string, password: string, stored: PasswordVerifier): boolean {
  const x = passwordExponent(poolName, userIdForSrp, password, stored.salt);
  const actual = Buffer.from(padHex(modPow(g, x, N)), 'hex');
  const expected = Buffer.from(padHex(BigInt(`0x${stored.verifier}`)), 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface ServerSrpRound {
  /** Hex public value sent as SRP_B. */
  readonly B: string;
  /** Secret exponent; stays on the server with the auth session. */
  readonly b: string;
}

/** Starts PASSWORD_VERIFIER: B = (k*v + g^b) mod N. Throws on an invalid SRP_A. */
export function startServerRound(verifierHex: string, clientA: string): ServerSrpRound {
  const A = parseHex(clientA);
  if (A === undefined || A % N === 0n) throw new Error('SRP_A is not valid');
  const v = BigInt(`0x${verifierHex}`);
  for (;;) {
    const b = randomBigInt(128);
    const B = (k * v + modPow(g, b, N)) % N;
    if (B !== 0n) return { B: B.toString(16), b: b.toString(16) };
  }
}

function parseHex(value: string): bigint | undefined {
  return /^[0-9a-fA-F]{1,2048}$/.test(value) ? BigInt(`0x${value}`) : undefined;
}

export interface PasswordClaim {
  readonly poolName: string;
  readonly userIdForSrp: string;
  readonly verifier: string;
  readonly A: string;
  readonly round: ServerSrpRound;
  /** Base64, as sent in SECRET_BLOCK. */
  readonly secretBlock: string;
  readonly timestamp: string;
  /** Base64 PASSWORD_CLAIM_SIGNATURE from the client. */
  readonly signature: string;
}

/** True when the client proved knowledge of the password; a wrong signature is a wrong password. */
export function verifyPasswordClaim(claim: PasswordClaim): boolean {
  const A = parseHex(claim.A);
  if (A === undefined) return false;
  const B = BigInt(`0x${claim.round.B}`);
  const u = BigInt(`0x${hexHash(padHex(A) + padHex(B))}`);
  if (u === 0n) return false;
  const v = BigInt(`0x${claim.verifier}`);
  const S = modPow(A * modPow(v, u, N), BigInt(`0x${claim.round.b}`), N);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  const key = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
  const expected = createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(claim.poolName, 'utf8'),
        Buffer.from(claim.userIdForSrp, 'utf8'),
        Buffer.from(claim.secretBlock, 'base64'),
        Buffer.from(claim.timestamp, 'utf8'),
      ]),
    )
    .digest();
  const actual = Buffer.from(claim.signature, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Cognito's TIMESTAMP format: `ddd MMM D HH:mm:ss UTC YYYY`, day not zero-padded. */
export const SRP_TIMESTAMP = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12][0-9]|3[01]) [0-2][0-9]:[0-5][0-9]:[0-5][0-9] UTC [0-9]{4}$/;
