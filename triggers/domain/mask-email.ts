/** `jane.doe@example.com` -> `j***@e***.com`; shows enough to recognise the address, not to harvest it. */
export function maskEmail(typed: string): string {
  // Lower case, so the typed casing of an unknown address cannot tell it from a stored one.
  const address = typed.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return `${address.slice(0, 1)}***`;
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return `${address.slice(0, 1)}***@${domain.slice(0, 1)}***${dot > 0 ? domain.slice(dot) : ''}`;
}
