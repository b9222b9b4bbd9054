"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { ModeBanner, ModeTabs } from "@/features/composer";
import { matchesShortcut } from "@/features/shell";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { newTicketProblems } from "@/lib/domain/inputs";
import { visibleFieldErrors, type ServerVerdict } from "@/features/new-ticket/client/field-errors";
import type { AppError } from "@/lib/errors";
import { useCreateTicket } from "@/features/new-ticket/client/create-ticket";
import { cx } from "@/lib/utils";
import { AppErrorNotice } from "@/features/shell";
import { CustomerField } from "./customer-field";
import { useNewTicketDraft } from "@/features/new-ticket/client/use-new-ticket-draft";

const LABELS = { reply: "Email to customer", note: "Internal note" } as const;

/** Why the ticket was not (or not surely) created; resubmitting reuses the form's operation id. */
function problemText(error: AppError): string {
  if (error.code === "outcome_unknown") return "We could not confirm the ticket was created. Your text is kept; checking again never creates it twice.";
  if (error.code === "invalid_input") return `Not created: ${error.message} Fix the fields marked above.`;
  if (error.code === "rate_limited") return `Gorgias is busy for this account. Not created yet; try again in ${Math.ceil(error.retryAfterSeconds ?? 5)} s.`;
  return `Not created: ${error.message}`;
}

/** Opens a ticket on a customer's behalf; values live on this device until the ticket exists. */
export function NewTicketForm({ account, agentId }: { account: string; agentId: string }) {
  const idPrefix = useId();
  const router = useRouter();
  const { values, update, created } = useNewTicketDraft(account, agentId);
  const create = useCreateTicket(account);
  const inFlight = useRef(false);
  const [attempted, setAttempted] = useState(false);
  const [serverVerdict, setServerVerdict] = useState<ServerVerdict | null>(null);
  const [problemState, setProblem] = useState<AppError | null>(null);
  const fieldErrors = visibleFieldErrors(values, attempted, serverVerdict);
  // "Fix the fields marked above" goes with the last of those marks.
  const problem = problemState?.code === "invalid_input" && serverVerdict && Object.keys(fieldErrors).length === 0 ? null : problemState;
  const [pickedEmail, setPickedEmail] = useState<string | undefined>(undefined);
  const mode = values.kind === "note" ? "note" : "reply";
  const email = values.kind === "email";

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (inFlight.current) return;
    // Checked here so each field says what is wrong at once; the server parses it all again.
    setAttempted(true);
    if (Object.keys(newTicketProblems(values)).length > 0) return;
    setServerVerdict(null);
    setProblem(null);
    inFlight.current = true;
    const submitted = values;
    const request = {
      operationId: values.operationId,
      customerEmail: values.customerEmail.trim(),
      customerName: values.customerName.trim() || undefined,
      subject: values.subject.trim(),
      bodyText: values.bodyText,
      kind: values.kind,
      tagNames: [],
    };
    create.mutate(request, {
      onSuccess: ({ ticketId }) => {
        created();
        router.push(`/${account}/tickets/${ticketId}`);
      },
      onError: (failure) => {
        const fields = failure.error.code === "invalid_input" ? failure.error.fields : undefined;
        if (fields) setServerVerdict({ errors: fields, values: submitted });
        setProblem(failure.error);
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (matchesShortcut("send", e) && !e.repeat) {
      e.preventDefault();
      submit();
    }
  }

  const busy = create.isPending || create.isSuccess;
  const reasonId = `${idPrefix}-reason`;
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate className="flex flex-col gap-4" aria-label="New ticket" data-testid="new-ticket-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <CustomerField
          account={account}
          email={values.customerEmail}
          errors={fieldErrors.customerEmail}
          onEmail={(customerEmail) => update({ customerEmail })}
          picked={pickedEmail}
          onPick={(c) => {
            setPickedEmail(c.email ?? undefined);
            update({ customerEmail: c.email ?? "", customerName: c.name ?? "" });
          }}
        />
        <TextField label="Customer name" name="customerName" value={values.customerName} onChange={(e) => update({ customerName: e.target.value })} errors={fieldErrors.customerName} hint="Optional; used for a new customer." autoComplete="off" />
      </div>
      <TextField label="Subject" name="subject" value={values.subject} onChange={(e) => update({ subject: e.target.value })} errors={fieldErrors.subject} required autoComplete="off" />
      <div className={cx("flex flex-col gap-2 rounded-lg border-t-2 p-3", email ? "border-brand/60 bg-zinc-50 dark:bg-zinc-900/50" : "border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/20")}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <ModeTabs showKeys={false} idPrefix={idPrefix} mode={mode} labels={LABELS} flagged={[]} onChange={(m) => update({ kind: m === "note" ? "note" : "email" })} />
          <ModeBanner mode={mode} recipient={values.customerEmail.trim() || null} />
        </div>
        <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${mode}`} className="flex flex-col gap-1">
          <label htmlFor={`${idPrefix}-body`} className="text-sm font-medium">{email ? "First message (emailed to the customer)" : "First message (internal note, not sent)"}</label>
          <textarea
            id={`${idPrefix}-body`}
            name="bodyText"
            value={values.bodyText}
            onChange={(e) => update({ bodyText: e.target.value })}
            aria-invalid={fieldErrors.bodyText?.length ? true : undefined}
            aria-describedby={fieldErrors.bodyText?.length ? `${idPrefix}-body-error` : undefined}
            className={cx(
              "min-h-36 rounded-md border px-3 py-2 text-sm leading-6 focus:ring-2 focus:outline-none aria-invalid:border-red-500",
              email ? "border-zinc-300 bg-white focus:ring-brand/30 dark:border-zinc-700 dark:bg-zinc-900" : "border-amber-300 bg-amber-100/60 focus:ring-amber-400/60 dark:border-amber-700 dark:bg-amber-900/20",
            )}
          />
          {fieldErrors.bodyText?.length ? <p id={`${idPrefix}-body-error`} className="text-xs text-red-600 dark:text-red-400">{fieldErrors.bodyText.join(" ")}</p> : null}
        </div>
      </div>
      {problem && (
        <AppErrorNotice
          testId="new-ticket-problem"
          error={problem}
          message={problemText(problem)}
          retry={{ onClick: () => submit(), disabled: busy, label: problem.code === "outcome_unknown" ? "Check again" : "Try again" }}
        />
      )}
      {!email && (
        <p id={reasonId} className="text-sm text-amber-900 dark:text-amber-200" data-testid="note-first">
          Only agents see this note. The customer gets no email until someone replies on the ticket.
        </p>
      )}
      <div className="flex items-center justify-end gap-3">
        <p role="status" aria-live="polite" className="text-xs text-zinc-500">{create.isPending ? "Creating the ticket…" : create.isSuccess ? "Created. Opening it…" : ""}</p>
        <Button type="submit" variant={email ? "primary" : "note"} disabled={busy} aria-describedby={email ? undefined : reasonId}>
          {email ? "Create & send email" : "Create with note"}
        </Button>
      </div>
    </form>
  );
}
