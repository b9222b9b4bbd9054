"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Picker } from "@/components/ui/picker";
import { queryStatus } from "@/lib/client/query-status";
import type { TicketHeader } from "@/lib/domain/ticket-thread";
import type { UserRef } from "@/lib/domain/user";
import { assignableUsersQuery, teamsQuery } from "@/features/ticket/client/queries";
import type { TicketChange } from "@/features/ticket/client/ticket-cache";

const NONE = "none";
const userLabel = (u: { name: string | null; email: string | null; id: number }) => u.name?.trim() || u.email || `Agent #${u.id}`;

// A field-like button: the field's name, its value, the shortcut if it has one.
const FIELD_TRIGGER =
  "inline-flex h-8 max-w-64 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800";

function FieldValue({ field, value, shortcut }: { field: string; value: string; shortcut?: string }) {
  return (
    <>
      <span className="text-zinc-600 dark:text-zinc-400">{field}</span>
      {/* The trigger has a width; a long name is cut there, so its title carries it whole. */}
      <span className="truncate font-medium" title={value}>
        {value}
      </span>
      {shortcut && (
        <kbd aria-hidden className="hidden rounded border border-zinc-300 px-1 font-mono text-[10px] text-zinc-600 sm:inline dark:border-zinc-600 dark:text-zinc-400">
          {shortcut.toUpperCase()}
        </kbd>
      )}
      <ChevronDown aria-hidden size={12} className="shrink-0 text-zinc-500" />
    </>
  );
}

export interface TicketActionsProps {
  account: string;
  ticket: TicketHeader;
  me: UserRef;
  canWrite: boolean;
  readOnlyReason: string | null;
  assignOpen: boolean;
  onAssignOpenChange: (open: boolean) => void;
  teamOpen: boolean;
  onTeamOpenChange: (open: boolean) => void;
  onChange: (change: TicketChange) => void;
  /** Marks the ticket unread for the agent (Gorgias's own read state). */
  onMarkUnread: () => void;
}

export function TicketActions({ account, ticket, me, canWrite, readOnlyReason, assignOpen, onAssignOpenChange, teamOpen, onTeamOpenChange, onChange, onMarkUnread }: TicketActionsProps) {
  const users = useQuery({ ...assignableUsersQuery(account), enabled: canWrite });
  const teams = useQuery({ ...teamsQuery(account), enabled: canWrite && teamOpen });
  const usersStatus = queryStatus(users, { loading: "Loading agents…", failed: "Couldn't load agents" });
  const closing = ticket.status === "open";
  const assignedToMe = ticket.assigneeUser?.id === me.id;

  const userOptions = [{ value: NONE, label: "Unassigned" }, ...(users.data ?? []).map((u) => ({ value: String(u.id), label: userLabel(u), detail: u.email ?? undefined }))];
  const teamOptions = [{ value: NONE, label: "No team" }, ...(teams.data ?? []).map((t) => ({ value: String(t.id), label: t.emoji ? `${t.emoji} ${t.name}` : t.name }))];

  function pickUser(value: string) {
    if (value === NONE) return onChange({ assigneeUser: null });
    const user = users.data?.find((u) => String(u.id) === value);
    if (user && user.id !== ticket.assigneeUser?.id) onChange({ assigneeUser: { id: user.id, name: user.name, email: user.email } });
  }
  function pickTeam(value: string) {
    if (value === NONE) return onChange({ assigneeTeam: null });
    const team = teams.data?.find((t) => String(t.id) === value);
    if (team && team.id !== ticket.assigneeTeam?.id) onChange({ assigneeTeam: team });
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Ticket actions">
        <Button
          size="sm"
          variant={closing ? "primary" : "secondary"}
          className="h-8"
          disabled={!canWrite}
          aria-keyshortcuts="e"
          onClick={() => onChange({ status: closing ? "closed" : "open" })}
          data-testid="status-toggle"
        >
          {closing ? "Close" : "Reopen"}
          <kbd aria-hidden className="hidden rounded border border-current/30 px-1 font-mono text-[10px] opacity-80 sm:inline">E</kbd>
        </Button>
        <Picker
          title="Assignee"
          searchLabel="Search assignee"
          searchPlaceholder="Assignee…"
          listLabel="Agents"
          options={userOptions}
          current={ticket.assigneeUser ? String(ticket.assigneeUser.id) : NONE}
          onPick={pickUser}
          {...usersStatus}
          open={assignOpen}
          onOpenChange={onAssignOpenChange}
          className={FIELD_TRIGGER}
          disabled={!canWrite}
          aria-keyshortcuts="a"
          data-testid="assignee-picker"
        >
          <FieldValue field="Assignee" value={ticket.assigneeUser ? userLabel(ticket.assigneeUser) : "Unassigned"} shortcut="a" />
        </Picker>
        {canWrite && !assignedToMe && (
          <Button size="sm" variant="ghost" className="h-8" onClick={() => onChange({ assigneeUser: me })}>
            Assign to me
          </Button>
        )}
        <Picker
          title="Team"
          searchLabel="Search team"
          searchPlaceholder="Team…"
          listLabel="Teams"
          options={teamOptions}
          current={ticket.assigneeTeam ? String(ticket.assigneeTeam.id) : NONE}
          onPick={pickTeam}
          {...queryStatus(teams, { loading: "Loading teams…", failed: "Couldn't load teams" })}
          open={teamOpen}
          onOpenChange={onTeamOpenChange}
          className={FIELD_TRIGGER}
          disabled={!canWrite}
          data-testid="team-picker"
        >
          <FieldValue field="Team" value={ticket.assigneeTeam ? ticket.assigneeTeam.name : "No team"} />
        </Picker>
        {ticket.isUnread ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="unread-state">
            Unread
          </span>
        ) : (
          canWrite && <Button size="sm" variant="ghost" className="h-8" onClick={onMarkUnread} data-testid="mark-unread">
            Mark unread
          </Button>
        )}
      </div>
      {readOnlyReason && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="read-only-reason">
          {readOnlyReason}
        </p>
      )}
      {usersStatus.error && canWrite && <p className="text-xs text-red-700 dark:text-red-300">{usersStatus.error}</p>}
    </div>
  );
}
