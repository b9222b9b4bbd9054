import { inAction, messageCreated, noteTicket, ticketSelfUnsnoozed } from "./events.js";
import type { AccountStore } from "./store/account-store.js";
import type { CustomerRec, MessageRec, TicketRec } from "./store/types.js";
import { nowIso } from "./util/time.js";

// Side effects Gorgias applies to a ticket when something happens to it, shared by the API
// routes and the live-activity simulator so both behave the same.

export function appendMessage(store: AccountStore, ticket: TicketRec, msg: MessageRec): void {
  const now = nowIso();
  noteTicket(store, ticket);
  store.put("messages", msg);
  messageCreated(store, msg.id);
  ticket.message_ids.push(msg.id);
  if (!ticket.last_message_datetime || msg.created_datetime >= ticket.last_message_datetime) {
    ticket.last_message_datetime = msg.created_datetime;
  }
  ticket.updated_datetime = now;
  if (!msg.from_agent) {
    ticket.last_received_message_datetime = msg.created_datetime;
    ticket.is_unread = true;
    // A customer writing back reopens the conversation, snoozed or closed alike.
    if (ticket.status === "closed" && !ticket.spam) {
      ticket.status = "open";
      ticket.closed_datetime = null;
      ticket.snooze_datetime = null;
    }
  } else if (msg.public) {
    ticket.opened_datetime ??= now;
  }
  store.touch("tickets", ticket.id);
}

export function createCustomer(
  store: AccountStore,
  fields: { email: string | null; name?: string | null; firstname?: string | null; lastname?: string | null },
): CustomerRec {
  const now = nowIso();
  const guessed = (fields.name ?? fields.email?.split("@")[0] ?? "").trim();
  const [first = "", ...rest] = guessed.split(/\s+/);
  const id = store.allocate("customers");
  const customer: CustomerRec = {
    id,
    email: fields.email,
    firstname: fields.firstname ?? first,
    lastname: fields.lastname ?? rest.join(" "),
    name: fields.name ?? (`${fields.firstname ?? first} ${fields.lastname ?? rest.join(" ")}`.trim() || (fields.email ?? "")),
    external_id: null,
    language: null,
    timezone: null,
    note: null,
    channels: fields.email ? [{ id: id * 10 + 1, type: "email", address: fields.email, preferred: true }] : [],
    data: null,
    meta: {},
    integrations: {},
    created_datetime: now,
    updated_datetime: now,
  };
  store.put("customers", customer);
  return customer;
}

/** Snoozed tickets wake up (reopen) once their snooze time has passed. */
const scans = new WeakMap<AccountStore, { version: number; nextWake: string }>();

export function wakeSnoozed(store: AccountStore, now = nowIso()): void {
  // Scanning 100 000 tickets on every request would dominate page latency: rescan only after
  // a change or once the earliest known snooze time has passed.
  const last = scans.get(store);
  if (last && last.version === store.version && now < last.nextWake) return;
  let nextWake = "9999";
  for (const t of store.data.tickets.values()) {
    if (t.snooze_datetime !== null && t.snooze_datetime > now && t.snooze_datetime < nextWake) nextWake = t.snooze_datetime;
    const due = t.snooze_datetime;
    if (due !== null && due <= now) {
      inAction(store, null, () => {
        t.snooze_datetime = null;
        t.status = "open";
        t.closed_datetime = null;
        t.updated_datetime = now;
        store.touch("tickets", t.id);
        ticketSelfUnsnoozed(store, t, due);
      });
    }
  }
  scans.set(store, { version: store.version, nextWake });
}
