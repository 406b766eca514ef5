export interface CodeEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface CodeEmailInput {
  readonly code: string;
  readonly appName: string;
  readonly subjectTemplate: string;
  /** Whole minutes the code stays valid, rounded up (at least 1). */
  readonly minutes: number;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

export function minutesLeft(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds / 60));
}

/** Builds the code email's subject, text and HTML parts. Only `code` is ours; every other value is escaped. */
export function renderCodeEmail({ code, appName, subjectTemplate, minutes }: CodeEmailInput): CodeEmail {
  const unit = minutes === 1 ? 'minute' : 'minutes';
  // Subject lines are plain text: strip line breaks so no header can be injected.
  const subject = subjectTemplate.replaceAll('{{appName}}', appName).replace(/[\r\n]+/g, ' ');
  const text = [
    `Your sign-in code for ${appName} is: ${code}`,
    '',
    `It expires in ${minutes} ${unit} and works once.`,
    'If you did not try to sign in, you can ignore this email. Never share this code.',
  ].join('\n');
  const safeApp = escapeHtml(appName);
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;color:#111">
<p>Your sign-in code for ${safeApp} is:</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold">${escapeHtml(code)}</p>
<p>It expires in ${minutes} ${unit} and works once.</p>
<p style="color:#555">If you did not try to sign in, you can ignore this email. Never share this code.</p>
</body></html>`;
  return { subject, text, html };
}
