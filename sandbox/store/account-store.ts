import { SortedIndex } from "./sorted-index.js";
import type {
  CustomerRec,
  EventRec,
  IntegrationRec,
  MacroRec,
  MessageRec,
  SurveyRec,
  TagRec,
  TeamRec,
  TicketRec,
  UserRec,
  ViewRec,
} from "./types.js";

export interface Collections {
  users: Map<number, UserRec>;
  teams: Map<number, TeamRec>;
  tags: Map<number, TagRec>;
  customers: Map<number, CustomerRec>;
  integrations: Map<number, IntegrationRec>;
  macros: Map<number, MacroRec>;
  views: Map<number, ViewRec>;
  tickets: Map<number, TicketRec>;
  messages: Map<number, MessageRec>;
  events: Map<number, EventRec>;
  surveys: Map<number, SurveyRec>;
}

export type Kind = keyof Collections;
export const KINDS: readonly Kind[] = [
  "users",
  "teams",
  "tags",
  "customers",
  "integrations",
  "macros",
  "views",
  "tickets",
  "messages",
  "events",
  "surveys",
];

export interface AccountProfile {
  domain: string;
  companyName: string;
  storeName: string;
  emailDomain: string;
}

/** An empty set of ids for every kind of record. */
const idSets = (): Record<Kind, Set<number>> => Object.fromEntries(KINDS.map((k) => [k, new Set<number>()])) as Record<Kind, Set<number>>;

/**
 * One emulated Gorgias account: its records, the sort indexes the list endpoints page over,
 * and the set of records changed since seeding (persistence writes only those, and replays
 * them on top of a fresh deterministic seed).
 */
export class AccountStore {
  readonly data: Collections = {
    users: new Map(),
    teams: new Map(),
    tags: new Map(),
    customers: new Map(),
    integrations: new Map(),
    macros: new Map(),
    views: new Map(),
    tickets: new Map(),
    messages: new Map(),
    events: new Map(),
    surveys: new Map(),
  };
  readonly dirty: Record<Kind, Set<number>> = idSets();
  /** Records deleted since seeding (persisted so a reload does not bring them back). */
  readonly deleted: Record<Kind, Set<number>> = idSets();
  nextId: Record<Kind, number>;
  /** Changes counter so persistence knows when to write. */
  version = 0;
  /** Told of every event recorded (the webhook dispatcher listens here). */
  onEvent: (event: EventRec) => void = () => undefined;

  readonly ticketsByCreated = new SortedIndex((id) => this.ticket(id)?.created_datetime ?? "");
  readonly ticketsByUpdated = new SortedIndex((id) => this.ticket(id)?.updated_datetime ?? "");
  readonly ticketsByLastMessage = new SortedIndex((id) => this.ticket(id)?.last_message_datetime ?? "");
  readonly customersByCreated = new SortedIndex((id) => this.data.customers.get(id)?.created_datetime ?? "");
  readonly customersByUpdated = new SortedIndex((id) => this.data.customers.get(id)?.updated_datetime ?? "");
  readonly messagesByCreated = new SortedIndex((id) => this.data.messages.get(id)?.created_datetime ?? "");
  readonly eventsByCreated = new SortedIndex((id) => this.data.events.get(id)?.created_datetime ?? "");
  private readonly customerByEmail = new Map<string, number>();
  private readonly ticketsByCustomer = new Map<number, Set<number>>();
  private readonly customerOfTicket = new Map<number, number>();

  constructor(
    readonly profile: AccountProfile,
    readonly idBase: number,
  ) {
    this.nextId = {
      users: idBase + 11,
      teams: idBase + 21,
      tags: idBase + 31,
      integrations: idBase + 61,
      macros: idBase + 71,
      views: idBase + 91,
      customers: idBase + 1001,
      tickets: idBase + 5001,
      messages: idBase + 50001,
      events: idBase + 1,
      surveys: idBase + 80001,
    };
  }

  get domain(): string {
    return this.profile.domain;
  }

  allocate(kind: Kind): number {
    const id = this.nextId[kind];
    this.nextId[kind] = id + 1;
    return id;
  }

  ticket(id: number): TicketRec | undefined {
    return this.data.tickets.get(id);
  }

  /** Stores a record and marks it changed; `seeding` skips the change tracking. */
  put<K extends Kind>(kind: K, record: Collections[K] extends Map<number, infer T> ? T : never, seeding = false): void {
    const map = this.data[kind] as Map<number, typeof record>;
    const id = (record as { id: number }).id;
    map.set(id, record);
    if (!seeding) {
      this.dirty[kind].add(id);
      this.version++;
      this.reindex(kind, id);
    }
  }

  /** Call after mutating a record in place. */
  touch(kind: Kind, id: number): void {
    this.dirty[kind].add(id);
    this.version++;
    this.reindex(kind, id);
  }

  /** Deletes a record for good (it leaves every index too). */
  remove(kind: Kind, id: number): void {
    const map = this.data[kind] as Map<number, unknown>;
    if (!map.delete(id)) return;
    this.dirty[kind].delete(id);
    this.deleted[kind].add(id);
    this.version++;
    if (kind === "tickets") {
      this.ticketsByCreated.remove(id);
      this.ticketsByUpdated.remove(id);
      this.ticketsByLastMessage.remove(id);
      const customer = this.customerOfTicket.get(id);
      if (customer !== undefined) this.ticketsByCustomer.get(customer)?.delete(id);
      this.customerOfTicket.delete(id);
    } else if (kind === "messages") this.messagesByCreated.remove(id);
  }

  findCustomerByEmail(email: string): CustomerRec | undefined {
    const id = this.customerByEmail.get(email.toLowerCase());
    return id === undefined ? undefined : this.data.customers.get(id);
  }

  findUserByEmail(email: string): UserRec | undefined {
    const wanted = email.toLowerCase();
    for (const user of this.data.users.values()) if (user.email.toLowerCase() === wanted) return user;
    return undefined;
  }

  ticketIdsOfCustomer(customerId: number): ReadonlySet<number> {
    return this.ticketsByCustomer.get(customerId) ?? new Set();
  }

  rebuildIndexes(): void {
    this.ticketsByCreated.build(this.data.tickets.keys());
    this.ticketsByUpdated.build(this.data.tickets.keys());
    this.ticketsByLastMessage.build(this.data.tickets.keys());
    this.customersByCreated.build(this.data.customers.keys());
    this.customersByUpdated.build(this.data.customers.keys());
    this.messagesByCreated.build(this.data.messages.keys());
    this.eventsByCreated.build(this.data.events.keys());
    this.customerByEmail.clear();
    for (const c of this.data.customers.values()) if (c.email) this.customerByEmail.set(c.email.toLowerCase(), c.id);
    this.ticketsByCustomer.clear();
    this.customerOfTicket.clear();
    for (const t of this.data.tickets.values()) this.linkCustomer(t);
  }

  private linkCustomer(t: TicketRec): void {
    const previous = this.customerOfTicket.get(t.id);
    if (previous !== undefined) this.ticketsByCustomer.get(previous)?.delete(t.id);
    this.customerOfTicket.set(t.id, t.customer_id);
    let set = this.ticketsByCustomer.get(t.customer_id);
    if (!set) this.ticketsByCustomer.set(t.customer_id, (set = new Set()));
    set.add(t.id);
  }

  private reindex(kind: Kind, id: number): void {
    if (kind === "tickets") {
      this.ticketsByCreated.upsert(id);
      this.ticketsByUpdated.upsert(id);
      this.ticketsByLastMessage.upsert(id);
      const t = this.ticket(id);
      if (t && this.customerOfTicket.get(id) !== t.customer_id) this.linkCustomer(t);
    } else if (kind === "customers") {
      this.customersByCreated.upsert(id);
      this.customersByUpdated.upsert(id);
      const c = this.data.customers.get(id);
      if (c?.email) this.customerByEmail.set(c.email.toLowerCase(), id);
    } else if (kind === "messages") {
      this.messagesByCreated.upsert(id);
    } else if (kind === "events") {
      this.eventsByCreated.upsert(id);
    }
  }
}
