/** `jane.doe@example.com` -> `j***@e***.com`; shows enough to recognise the address, not to harvest it. */
export function maskEmail(typed: string): string {
  // Lower case, so the typed casing of an unknown address cannot tell it from a stored one.
  const address = typed.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return `${address.slice(0, 1)}***`;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}***@${host.slice(0, 1)}***${tld}`;
}
