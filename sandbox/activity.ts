import { inAction, ticketCreated } from "./events.js";
import { materializeBody } from "./seed/bodies.js";
import { TOPICS, TOPIC_WEIGHTS } from "./seed/topics.js";
import type { AccountStore } from "./store/account-store.js";
import type { MessageRec, TicketRec } from "./store/types.js";
import { appendMessage } from "./ticket-ops.js";
import { Rng, mixSeed } from "./util/prng.js";
import { nowIso } from "./util/time.js";

// A living inbox for demos: every few seconds a customer writes, either following up on a
// recent conversation or opening a new one. Choices come from a seeded generator so a test
// that triggers activity N times sees the same sequence.

export class LiveActivity {
  private timer: NodeJS.Timeout | null = null;
  private count = 0;

  constructor(
    private readonly accounts: () => Iterable<AccountStore>,
    private readonly seed: () => number,
  ) {}

  configure(config: false | { intervalMs: number }): void {
    this.stop();
    if (!config) return;
    this.timer = setInterval(() => {
      for (const store of this.accounts()) if (store.domain === "demo") this.tick(store);
    }, Math.max(50, config.intervalMs));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  resetSequence(): void {
    this.count = 0;
  }

  tick(store: AccountStore): { ticket_id: number; message_id: number } {
    return inAction(store, null, () => this.write(store));
  }

  private write(store: AccountStore): { ticket_id: number; message_id: number } {
    const rng = new Rng(mixSeed(this.seed(), 0xac71, this.count++));
    const recent: TicketRec[] = [];
    const index = store.ticketsByUpdated;
    for (let i = index.length - 1; i >= 0 && recent.length < 40; i--) {
      const t = store.ticket(index.idAt(i));
      if (t && !t.spam && t.trashed_datetime === null) recent.push(t);
    }
    const followUp = recent.length > 0 && rng.chance(0.65);
    const ticket = followUp ? rng.pick(recent) : this.newTicket(store, rng);
    const first = store.data.messages.get(ticket.message_ids[0] ?? -1);
    const topic = first?.recipe?.topic ?? rng.weighted(TOPIC_WEIGHTS.map((w, i) => [i, w] as const));
    const customer = store.data.customers.get(ticket.customer_id);
    const isEmail = ticket.channel === "email";
    const support = [...store.data.integrations.values()].find((i) => i.id === ticket.integration_id);
    const priorCustomerMessages = ticket.message_ids.filter((id) => store.data.messages.get(id)?.from_agent === false).length;
    const now = nowIso();
    const msg: MessageRec = {
      id: store.allocate("messages"),
      ticket_id: ticket.id,
      message_id: isEmail ? `<live${this.count}.${ticket.id}@mail.gmail.com>` : null,
      external_id: null,
      channel: ticket.channel,
      via: ticket.via,
      public: true,
      from_agent: false,
      sender: { type: "customer", id: ticket.customer_id },
      receiver: null,
      source: {
        type: ticket.channel === "email" ? "email" : ticket.channel,
        from: { name: customer?.name ?? null, address: customer?.email ?? "" },
        to: support ? [{ name: support.name, address: support.address ?? "" }] : [],
        cc: null,
        bcc: null,
      },
      subject: isEmail ? (ticket.message_ids.length > 0 ? `Re: ${ticket.subject ?? ""}` : ticket.subject) : null,
      body: null,
      recipe: { topic, step: priorCustomerMessages, variant: rng.int(0, 11), hostile: null, quote: isEmail && ticket.message_ids.length > 0 },
      attachments: [],
      integration_id: isEmail ? (support?.id ?? null) : null,
      macros: [],
      mention_ids: [],
      meta: null,
      headers: null,
      created_datetime: now,
      sent_datetime: now,
      failed_datetime: null,
      opened_datetime: null,
      last_sending_error: null,
      is_retriable: false,
      pending_send: false,
    };
    appendMessage(store, ticket, msg);
    // Freeze the text so later edits to the thread cannot change what was "received".
    msg.body = materializeBody(store, msg);
    msg.recipe = null;
    return { ticket_id: ticket.id, message_id: msg.id };
  }

  private newTicket(store: AccountStore, rng: Rng): TicketRec {
    const customers = store.customersByCreated;
    const customerId = customers.idAt(rng.int(0, customers.length - 1));
    const topicIndex = rng.weighted(TOPIC_WEIGHTS.map((w, i) => [i, w] as const));
    const topic = TOPICS[topicIndex] ?? TOPICS[0];
    const channel = rng.weighted([["email", 5], ["chat", 3], ["sms", 1]] as const);
    const emailIntegration = [...store.data.integrations.values()].find((i) => i.type === "email");
    const now = nowIso();
    const tag = [...store.data.tags.values()].find((t) => t.name === topic?.tags[0]);
    const ticket: TicketRec = {
      id: store.allocate("tickets"),
      external_id: null,
      language: "en",
      status: "open",
      priority: "normal",
      channel,
      via: channel === "chat" ? "gorgias_chat" : channel,
      from_agent: false,
      customer_id: customerId,
      assignee_user_id: null,
      assignee_team_id: null,
      subject: (topic?.subjects[0] ?? "New message").replace(/\{\w+\}/g, "order"),
      meta: null,
      tag_ids: tag ? [tag.id] : [],
      message_ids: [],
      is_unread: true,
      spam: false,
      integration_id: emailIntegration?.id ?? null,
      last_sent_message_not_delivered: false,
      created_datetime: now,
      opened_datetime: null,
      last_received_message_datetime: null,
      last_message_datetime: null,
      updated_datetime: now,
      closed_datetime: null,
      snooze_datetime: null,
      trashed_datetime: null,
    };
    store.put("tickets", ticket);
    ticketCreated(store, ticket);
    return ticket;
  }
}
