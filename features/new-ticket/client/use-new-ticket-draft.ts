"use client";

import { useCallback, useRef, useState } from "react";
import { draftStorageKey, newOperationId } from "@/features/composer";

export interface NewTicketValues {
  readonly customerEmail: string;
  readonly customerName: string;
  readonly subject: string;
  readonly bodyText: string;
  readonly kind: "email" | "note";
  /** One per form, kept across reloads and failed attempts; replaced only once the ticket exists. */
  readonly operationId: string;
}

const blank = (): NewTicketValues => ({ customerEmail: "", customerName: "", subject: "", bodyText: "", kind: "email", operationId: newOperationId() });

function read(key: string): NewTicketValues {
  try {
    const v = JSON.parse(window.localStorage.getItem(key) ?? "null") as Partial<NewTicketValues> | null;
    if (!v || typeof v.operationId !== "string") return blank();
    const s = (x: unknown) => (typeof x === "string" ? x : "");
    return {
      customerEmail: s(v.customerEmail),
      customerName: s(v.customerName),
      subject: s(v.subject),
      bodyText: s(v.bodyText),
      kind: v.kind === "note" ? "note" : "email",
      operationId: v.operationId,
    };
  } catch {
    return blank();
  }
}

function write(key: string, values: NewTicketValues | null): void {
  try {
    if (values) window.localStorage.setItem(key, JSON.stringify(values));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage refused (privacy mode, quota): the form still works, it just will not survive a reload.
  }
}

/**
 * The new-ticket form's values, written to this device on every change so a reload, a crash or a
 * failed submit loses nothing (Zammad #2786 lost new-ticket drafts on refresh). Client-only.
 */
export function useNewTicketDraft(account: string, agentId: string) {
  const key = draftStorageKey({ account, agentId, ticketId: "new", mode: "ticket" });
  const [values, setValues] = useState<NewTicketValues>(() => read(key));
  const current = useRef(values);

  const update = useCallback(
    (patch: Partial<Omit<NewTicketValues, "operationId">>) => {
      current.current = { ...current.current, ...patch };
      setValues(current.current);
      write(key, current.current);
    },
    [key],
  );

  /** The ticket exists: forget the form and start the next one with a new operation id. */
  const created = useCallback(() => {
    write(key, null);
    current.current = blank();
    setValues(current.current);
  }, [key]);

  return { values, update, created };
}
