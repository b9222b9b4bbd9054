import { inAction, messageFailed, noteTicket } from "./events.js";
import type { AccountStore } from "./store/account-store.js";
import type { MessageRec } from "./store/types.js";
import { nowIso } from "./util/time.js";

// Creating an email reply only queues it, like Gorgias: sent_datetime (or failed_datetime
// with last_sending_error) appears once this simulated mail server has processed it.

export interface OutboxEntry {
  account: string;
  /** `email`, or the messaging channel (chat, sms, …) an agent's message went out on. */
  channel: string;
  ticket_id: number;
  message_id: number;
  external_id: string | null;
  from: string | null;
  to: string[];
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  /** The files the message carried (`url` as stored: a path for this sandbox's own files). */
  attachments: { url: string; name: string; content_type: string; size: number }[];
  sent_datetime: string;
}

export class Mailer {
  readonly outbox: OutboxEntry[] = [];
  private readonly pending = new Map<string, { store: AccountStore; id: number; timer: NodeJS.Timeout }>();

  constructor(
    private delayMs: () => number,
    private readonly bodyOf: (store: AccountStore, id: number) => { body_text: string | null; body_html: string | null },
  ) {}

  schedule(store: AccountStore, messageId: number): void {
    const key = `${store.domain}:${messageId}`;
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => this.deliver(key), this.delayMs());
    timer.unref();
    this.pending.set(key, { store, id: messageId, timer });
  }

  /** An agent's message on a messaging channel, delivered at once (no mail queue): its outbox entry. */
  delivered(store: AccountStore, msg: MessageRec): void {
    this.record(store, msg, msg.sent_datetime ?? nowIso());
  }

  /** The outbox entry of a message that went out (by mail or on its messaging channel). */
  private record(store: AccountStore, msg: MessageRec, sentAt: string): void {
    const body = this.bodyOf(store, msg.id);
    this.outbox.push({
      account: store.domain,
      channel: msg.channel,
      ticket_id: msg.ticket_id,
      message_id: msg.id,
      external_id: msg.external_id,
      from: msg.source?.from?.address ?? null,
      to: (msg.source?.to ?? []).map((a) => a.address),
      subject: msg.subject,
      body_text: body.body_text,
      body_html: body.body_html,
      attachments: msg.attachments.map((a) => ({ url: a.url, name: a.name, content_type: a.content_type, size: a.size })),
      sent_datetime: sentAt,
    });
  }

  flush(): number {
    const keys = [...this.pending.keys()];
    for (const key of keys) this.deliver(key);
    return keys.length;
  }

  /** Forgets queued sends (reset/close); messages stay pending in their stores. */
  cancelAll(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private deliver(key: string): void {
    const job = this.pending.get(key);
    if (!job) return;
    clearTimeout(job.timer);
    this.pending.delete(key);
    inAction(job.store, null, () => this.settle(job.store, job.id));
  }

  private settle(store: AccountStore, id: number): void {
    const msg = store.data.messages.get(id);
    if (!msg || !msg.pending_send) return;
    const ticket = store.ticket(msg.ticket_id);
    if (ticket) noteTicket(store, ticket);
    const recipients = [...(msg.source?.to ?? []), ...(msg.source?.cc ?? []), ...(msg.source?.bcc ?? [])].map((a) => a.address);
    const bad = recipients.find((a) => /\.invalid$/i.test(a.split("@")[1] ?? ""));
    const now = nowIso();
    msg.pending_send = false;
    if (bad) {
      msg.failed_datetime = now;
      msg.last_sending_error = { error: `Could not deliver to ${bad}: the recipient's domain does not exist.` };
      msg.is_retriable = false;
      if (ticket) ticket.last_sent_message_not_delivered = true;
      messageFailed(store, msg.id);
    } else {
      msg.sent_datetime = now;
      if (ticket) ticket.last_sent_message_not_delivered = false;
      this.record(store, msg, now);
    }
    store.touch("messages", msg.id);
    if (ticket) store.touch("tickets", ticket.id);
  }
}
