import { invalidParameter, notAuthorized } from './errors.ts';

/** Cognito's standard attributes; `custom:*` ones are allowed too, as in a pool that declares them. */
const STANDARD = new Set([
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'phone_number_verified', 'picture', 'preferred_username', 'profile', 'sub', 'updated_at',
  'website', 'zoneinfo',
]);
/** An app client's default write list leaves these out: only an administrator (IAM) sets them. */
const ADMIN_ONLY = new Set(['email_verified', 'phone_number_verified']);

export type AttributeWriter = 'client' | 'admin';

/**
 * Which attributes a request may write, as Cognito decides: an app client (SignUp) only those in its
 * write list, never `email_verified` nor `cognito:*`; an administrator any mutable attribute of the
 * schema; `sub` never.
 */
export function checkAttributeWrites(names: Iterable<string>, writer: AttributeWriter): void {
  for (const name of names) {
    const known = STANDARD.has(name) || (name.startsWith('custom:') && name.length > 'custom:'.length);
    if (writer === 'client' && (!known || ADMIN_ONLY.has(name) || name === 'sub')) {
      if (known || name.startsWith('cognito:')) throw notAuthorized('A client attempted to write unauthorized attribute');
    }
    if (!known) throw invalidParameter(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`);
    if (name === 'sub') throw invalidParameter('Cannot modify the non-mutable attribute sub');
  }
}
