"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown, MoreHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Menu } from "@/components/ui/menu";
import { Picker } from "@/components/ui/picker";
import { queryStatus } from "@/lib/client/query-status";
import type { TagRef } from "@/lib/domain/tag";
import { isSnoozed, TICKET_PRIORITIES, type TicketPriority } from "@/lib/domain/ticket";
import type { TicketHeader } from "@/lib/domain/ticket-thread";
import type { UserRef } from "@/lib/domain/user";
import { assignableUsersQuery, teamsQuery } from "@/features/ticket/client/queries";
import type { TicketChange } from "@/features/ticket/client/ticket-cache";
import { SnoozeMenu } from "./snooze-menu";
import { useWakeLabel } from "./snoozed-until";
import { TagPicker } from "./tag-picker";

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

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const MENU_ITEM = "flex w-full items-center justify-between gap-3 px-3 py-1.5 text-left hover:bg-zinc-100 focus-visible:bg-zinc-100 focus-visible:outline-none dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800";

function Key({ k }: { k: string }) {
  return (
    <kbd aria-hidden className="hidden rounded border border-current/30 px-1 font-mono text-[10px] opacity-80 sm:inline">
      {k}
    </kbd>
  );
}

function SnoozeValue({ until, now }: { until: string; now: Date }) {
  return <FieldValue field="Snoozed until" value={useWakeLabel(until, now)} shortcut="b" />;
}

/** Which header popup is open: one at a time, and the page's shortcuts open them. */
export type HeaderPopup = "assign" | "team" | "snooze" | "tags" | "priority" | "more" | null;

export interface TicketActionsProps {
  account: string;
  ticket: TicketHeader;
  me: UserRef;
  canWrite: boolean;
  readOnlyReason: string | null;
  popup: HeaderPopup;
  onPopupChange: (popup: HeaderPopup) => void;
  onChange: (change: TicketChange) => void;
  onTags: (change: { add: readonly TagRef[]; remove: readonly TagRef[] }) => void;
  /** Marks the ticket read or unread for the agent (Gorgias's own read state). */
  onReadState: (unread: boolean) => void;
  /** The server's clock, for whether a snooze is still ahead. */
  now: Date;
}

export function TicketActions({ account, ticket, me, canWrite, readOnlyReason, popup, onPopupChange, onChange, onTags, onReadState, now }: TicketActionsProps) {
  const toggle = (which: Exclude<HeaderPopup, null>) => (open: boolean) => onPopupChange(open ? which : popup === which ? null : popup);
  const assignOpen = popup === "assign";
  const teamOpen = popup === "team";
  const users = useQuery({ ...assignableUsersQuery(account), enabled: canWrite });
  const teams = useQuery({ ...teamsQuery(account), enabled: canWrite && teamOpen });
  const usersStatus = queryStatus(users, { loading: "Loading agents…", failed: "Couldn't load agents" });
  const closing = ticket.status === "open";
  const snoozed = isSnoozed(ticket, now);
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
          aria-keyshortcuts={closing ? "c" : "o"}
          onClick={() => onChange(closing ? { status: "closed" } : { status: "open", ...(ticket.snoozedUntil ? { snoozedUntil: null } : {}) })}
          data-testid="status-toggle"
        >
          {closing ? "Close" : "Reopen"}
          <Key k={closing ? "C" : "O"} />
        </Button>
        <SnoozeMenu
          open={popup === "snooze"}
          onOpenChange={toggle("snooze")}
          onSnooze={(until) => onChange({ status: "closed", snoozedUntil: until })}
          title={`Snooze ticket ${ticket.id} until`}
          className={FIELD_TRIGGER}
          disabled={!canWrite}
          aria-keyshortcuts="b"
          data-testid="snooze-trigger"
        >
          {snoozed && ticket.snoozedUntil ? (
            <SnoozeValue until={ticket.snoozedUntil} now={now} />
          ) : (
            <FieldValue field="Snooze" value="" shortcut="b" />
          )}
        </SnoozeMenu>
        {snoozed && canWrite && (
          <Button size="sm" variant="ghost" className="h-8" onClick={() => onChange({ status: "open", snoozedUntil: null })} data-testid="unsnooze">
            Unsnooze
          </Button>
        )}
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
          onOpenChange={toggle("assign")}
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
          onOpenChange={toggle("team")}
          className={FIELD_TRIGGER}
          disabled={!canWrite}
          data-testid="team-picker"
        >
          <FieldValue field="Team" value={ticket.assigneeTeam ? ticket.assigneeTeam.name : "No team"} />
        </Picker>
        <Picker
          title="Priority"
          searchLabel="Search priority"
          searchPlaceholder="Priority…"
          listLabel="Priorities"
          options={TICKET_PRIORITIES.map((p) => ({ value: p, label: capitalized(p) }))}
          current={ticket.priority}
          onPick={(value) => value !== ticket.priority && onChange({ priority: value as TicketPriority })}
          open={popup === "priority"}
          onOpenChange={toggle("priority")}
          className={FIELD_TRIGGER}
          disabled={!canWrite}
          data-testid="priority-picker"
        >
          <FieldValue field="Priority" value={capitalized(ticket.priority)} />
        </Picker>
        <TagPicker
          account={account}
          applied={ticket.tags}
          onAdd={(tag) => onTags({ add: [tag], remove: [] })}
          onRemove={(tag) => onTags({ add: [], remove: [tag] })}
          open={popup === "tags"}
          onOpenChange={toggle("tags")}
          className={FIELD_TRIGGER}
          disabled={!canWrite}
          aria-keyshortcuts="t"
          data-testid="tag-picker"
        >
          <FieldValue field="Tags" value={ticket.tags.length > 0 ? String(ticket.tags.length) : "Add"} shortcut="t" />
        </TagPicker>
        {ticket.isUnread ? (
          <>
            <span className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="unread-state">
              Unread
            </span>
            {canWrite && (
              <Button size="sm" variant="ghost" className="h-8" onClick={() => onReadState(false)} data-testid="mark-read">
                Mark read
              </Button>
            )}
          </>
        ) : (
          canWrite && <Button size="sm" variant="ghost" className="h-8" onClick={() => onReadState(true)} data-testid="mark-unread">
            Mark unread
          </Button>
        )}
        <Menu
          title={`More actions for ticket ${ticket.id}`}
          open={popup === "more"}
          onOpenChange={toggle("more")}
          className={FIELD_TRIGGER}
          disabled={!canWrite}
          aria-label="More actions"
          data-testid="more-actions"
          popupTestId="more-menu"
          align="end"
          content={(close) => {
            const act = (change: TicketChange) => () => {
              close();
              onChange(change);
            };
            return (
              <ul className="flex flex-col">
                <li>
                  <button type="button" className={MENU_ITEM} onClick={act({ spam: !ticket.spam })} aria-keyshortcuts="!" data-testid="toggle-spam">
                    {ticket.spam ? "Not spam" : "Mark as spam"}
                    <Key k="!" />
                  </button>
                </li>
                <li>
                  <button type="button" className={MENU_ITEM} onClick={act({ trashedAt: ticket.trashedAt ? null : new Date().toISOString() })} aria-keyshortcuts="#" data-testid="toggle-trash">
                    {ticket.trashedAt ? "Restore from trash" : "Move to trash"}
                    <Key k="#" />
                  </button>
                </li>
              </ul>
            );
          }}
        >
          <MoreHorizontal aria-hidden size={14} />
          More
        </Menu>
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
