/**
 * Limits and wording of what agents type, as plain constants and checks: the browser checks a form
 * with these before it submits, and the server's schemas (`contract/inputs.ts`) are built from the
 * same limits and messages, so both say the same thing. The server always parses again.
 */

export const MAX_BODY_CHARS = 100_000;
export const MAX_SUBJECT_CHARS = 998; // the RFC 5322 line limit Gorgias applies to subjects
export const MAX_EMAIL_CHARS = 320;
export const MAX_NAME_CHARS = 255;

export const INPUT_MESSAGES = {
  emptyBody: "Write a message first.",
  longBody: `Keep the message under ${MAX_BODY_CHARS.toLocaleString("en-US")} characters.`,
  email: "Enter the customer's e-mail address, e.g. jane@example.com.",
  emptySubject: "Add a subject.",
  longSubject: `Keep the subject under ${MAX_SUBJECT_CHARS} characters.`,
  longName: `Keep the name under ${MAX_NAME_CHARS} characters.`,
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a message body cannot be sent, or null. */
export function bodyProblem(text: string): string | null {
  if (text.trim().length === 0) return INPUT_MESSAGES.emptyBody;
  return text.length > MAX_BODY_CHARS ? INPUT_MESSAGES.longBody : null;
}

export interface NewTicketFields {
  readonly customerEmail: string;
  readonly customerName: string;
  readonly subject: string;
  readonly bodyText: string;
}

/** What is wrong with a new-ticket form, by field; empty when it may be submitted. */
export function newTicketProblems(v: NewTicketFields): Partial<Record<keyof NewTicketFields, readonly string[]>> {
  const problems: Partial<Record<keyof NewTicketFields, readonly string[]>> = {};
  const email = v.customerEmail.trim();
  if (!EMAIL.test(email) || email.length > MAX_EMAIL_CHARS) problems.customerEmail = [INPUT_MESSAGES.email];
  if (v.customerName.trim().length > MAX_NAME_CHARS) problems.customerName = [INPUT_MESSAGES.longName];
  const subject = v.subject.trim();
  if (subject.length === 0) problems.subject = [INPUT_MESSAGES.emptySubject];
  else if (subject.length > MAX_SUBJECT_CHARS) problems.subject = [INPUT_MESSAGES.longSubject];
  const body = bodyProblem(v.bodyText);
  if (body) problems.bodyText = [body];
  return problems;
}
