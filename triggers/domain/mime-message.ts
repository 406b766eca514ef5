/**
 * The code email as a MIME message (RFC 5322, 2045-2047): a text and an HTML alternative in UTF-8, with its
 * language in Content-Language (RFC 3282), which SES's simple SendEmail cannot set.
 */
import type { CodeEmail } from './email-template.ts';

/** base64 never contains `_` or `=_`, so this boundary cannot occur inside a part. */
const BOUNDARY = '=_email-otp_alternative';

const isPrintableAscii = (value: string) => /^[\x20-\x7e]*$/.test(value);

/** RFC 2047 encoded-words (UTF-8, base64), one per folded line, never splitting a character. */
export function encodeHeaderText(value: string): string {
  if (isPrintableAscii(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    // 39 bytes of UTF-8 make 52 base64 characters, 64 with =?UTF-8?B?...?=: a line of 78 even after "Subject: ".
    if (Buffer.byteLength(chunk + char) > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join('\r\n ');
}

/** `Name <address>` or `address`, with a non-ASCII display name encoded. */
function addressHeader(from: string): string {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/.exec(from);
  if (!match) return from;
  const [, name, address] = match;
  if (!name) return `<${address}>`;
  return `${isPrintableAscii(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeHeaderText(name)} <${address}>`;
}

function base64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

function part(type: 'plain' | 'html', body: string): string {
  return [`Content-Type: text/${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(body)].join('\r\n');
}

/** The raw message SES's SendRawEmail takes. Header values come from our config and templates; no line breaks get in. */
export function mimeMessage(from: string, to: string, email: CodeEmail): string {
  const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');
  return [
    `From: ${addressHeader(oneLine(from))}`,
    `To: <${oneLine(to)}>`,
    `Subject: ${encodeHeaderText(oneLine(email.subject))}`,
    `Content-Language: ${oneLine(email.language)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    '',
    `--${BOUNDARY}`,
    part('plain', email.text),
    `--${BOUNDARY}`,
    part('html', email.html),
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
}
