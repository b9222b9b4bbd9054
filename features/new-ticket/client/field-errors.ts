import { newTicketProblems, type NewTicketFields } from "@/lib/domain/inputs";

export type FieldErrors = Partial<Record<string, readonly string[]>>;

/** The server's verdict on the values it saw; it stands for a field only while that field is unchanged. */
export interface ServerVerdict {
  readonly errors: FieldErrors;
  readonly values: NewTicketFields;
}

/**
 * What each field of the new-ticket form shows now. Nothing before the first attempt to create;
 * after it, the form is checked again on every change, so a fixed field clears at once and a field
 * broken again says so. A server error holds until its field is edited (the server's rules may be
 * ones the form cannot check).
 */
export function visibleFieldErrors(values: NewTicketFields, attempted: boolean, server: ServerVerdict | null): FieldErrors {
  const local: FieldErrors = attempted ? newTicketProblems(values) : {};
  const out: FieldErrors = { ...local };
  if (server) {
    for (const [field, errors] of Object.entries(server.errors)) {
      const key = field as keyof NewTicketFields;
      if (out[field] === undefined && server.values[key] === values[key]) out[field] = errors;
    }
  }
  return out;
}
