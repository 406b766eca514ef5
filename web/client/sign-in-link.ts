/** The sign-in link as the client reads it: the contract lives in triggers/contracts/sign-in-link.ts, which the Create trigger writes with. */
export { readSignInLink, type SignInLink } from '../../triggers/contracts/sign-in-link.ts';
