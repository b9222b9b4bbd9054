"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Mail, MailOpen, ShieldAlert, ShieldCheck, Trash2, Undo2 } from "lucide-react";
import type { ReactNode } from "react";
import type { TicketSummary } from "@/lib/domain/ticket";
import { changeReadState, changeTicketOnDemand } from "@/features/ticket";
import { preloadRowStatusToggle } from "./row-status-toggle";

const ICON_BUTTON =
  "inline-flex size-7 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-offset-[-2px] dark:text-zinc-300 dark:hover:bg-zinc-700";

function IconButton({ label, onClick, children, testId }: { label: string; onClick: () => void; children: ReactNode; testId: string }) {
  return (
    <button type="button" className={ICON_BUTTON} aria-label={label} title={label} onPointerEnter={preloadRowStatusToggle} onFocus={preloadRowStatusToggle} onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}

/**
 * Read/unread, spam and trash from the list, through the same paths as the open ticket: a row that
 * leaves the view goes at once with an Undo, a refusal rolls back with Gorgias's reason.
 */
export function RowActions({ account, ticket: t }: { account: string; ticket: TicketSummary }) {
  const queryClient = useQueryClient();
  return (
    <>
      <IconButton label={t.isUnread ? `Mark ticket ${t.id} read` : `Mark ticket ${t.id} unread`} onClick={() => changeReadState(queryClient, account, t.id, !t.isUnread)} testId="row-read">
        {t.isUnread ? <MailOpen aria-hidden size={14} /> : <Mail aria-hidden size={14} />}
      </IconButton>
      <IconButton label={t.spam ? `Ticket ${t.id} is not spam` : `Mark ticket ${t.id} as spam`} onClick={() => changeTicketOnDemand(queryClient, account, t.id, { spam: !t.spam })} testId="row-spam">
        {t.spam ? <ShieldCheck aria-hidden size={14} /> : <ShieldAlert aria-hidden size={14} />}
      </IconButton>
      <IconButton
        label={t.trashedAt ? `Restore ticket ${t.id}` : `Move ticket ${t.id} to the trash`}
        onClick={() => changeTicketOnDemand(queryClient, account, t.id, { trashedAt: t.trashedAt ? null : new Date().toISOString() })}
        testId="row-trash"
      >
        {t.trashedAt ? <Undo2 aria-hidden size={14} /> : <Trash2 aria-hidden size={14} />}
      </IconButton>
    </>
  );
}
