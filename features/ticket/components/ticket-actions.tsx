"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import type { TicketHeader } from "@/lib/domain/ticket-thread";
import type { UserRef } from "@/lib/domain/user";
import { assignableUsersQuery, teamsQuery } from "@/features/ticket/client/queries";
import type { TicketChange } from "@/features/ticket/client/ticket-cache";
import { PickerPopover } from "./picker-popover";

const NONE = "none";
const userLabel = (u: { name: string | null; email: string | null; id: number }) => u.name?.trim() || u.email || `Agent #${u.id}`;

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
}

export function TicketActions({ account, ticket, me, canWrite, readOnlyReason, assignOpen, onAssignOpenChange, teamOpen, onTeamOpenChange, onChange }: TicketActionsProps) {
  const users = useQuery({ ...assignableUsersQuery(account), enabled: canWrite });
  const teams = useQuery({ ...teamsQuery(account), enabled: canWrite && teamOpen });
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
        <PickerPopover
          field="Assignee"
          value={ticket.assigneeUser ? userLabel(ticket.assigneeUser) : "Unassigned"}
          open={assignOpen}
          onOpenChange={onAssignOpenChange}
          options={userOptions}
          selected={ticket.assigneeUser ? String(ticket.assigneeUser.id) : NONE}
          onSelect={pickUser}
          disabled={!canWrite}
          loading={users.isPending}
          shortcut="a"
          testId="assignee-picker"
        />
        {canWrite && !assignedToMe && (
          <Button size="sm" variant="ghost" className="h-8" onClick={() => onChange({ assigneeUser: me })}>
            Assign to me
          </Button>
        )}
        <PickerPopover
          field="Team"
          value={ticket.assigneeTeam ? ticket.assigneeTeam.name : "No team"}
          open={teamOpen}
          onOpenChange={onTeamOpenChange}
          options={teamOptions}
          selected={ticket.assigneeTeam ? String(ticket.assigneeTeam.id) : NONE}
          onSelect={pickTeam}
          disabled={!canWrite}
          loading={teams.isPending}
          testId="team-picker"
        />
      </div>
      {readOnlyReason && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="read-only-reason">
          {readOnlyReason}
        </p>
      )}
      {users.isError && canWrite && <p className="text-xs text-red-700 dark:text-red-300">Couldn&apos;t load agents: {users.error.message}</p>}
    </div>
  );
}
