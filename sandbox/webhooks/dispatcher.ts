import { inAction, integrationChanged } from "../events.js";
import { eventWire, messageWire, ticketFull } from "../serialize.js";
import type { AccountStore } from "../store/account-store.js";
import type { EventRec, IntegrationRec } from "../store/types.js";
import { nowIso } from "../util/time.js";
import { buildRequest, loopbackError, type OutgoingRequest } from "./request.js";

// Delivers events to HTTP integrations the way Gorgias does: asynchronously (never inside the
// API answer), one at a time and in order per integration, retrying a failed delivery with
// backoff until it succeeds. 100 failed attempts in a row deactivate the integration; any
// success resets the count. The request is rendered when the event happens, so a retry sends
// exactly what the first attempt sent.

/** Event types an integration can subscribe to (its `http.triggers`). */
export const TRIGGERS = ["ticket-created", "ticket-updated", "ticket-message-created", "ticket-self-unsnoozed", "ticket-message-failed"] as const;
export const MAX_CONSECUTIVE_FAILURES = 100;
/** Finished deliveries kept for the control API; pending ones are always listed. */
const KEPT_FINISHED = 1000;
const MAX_BACKOFF_STEPS = 6;

export interface DeliveryAttempt {
  at: string;
  /** HTTP status, or null when no answer came (refused, timed out, connection error). */
  status: number | null;
  error: string | null;
  duration_ms: number;
}

export interface Delivery {
  id: number;
  account: string;
  integration_id: number;
  event_id: number;
  event_type: string;
  request: OutgoingRequest;
  /** delivered: a 2xx answer; abandoned: the integration was deactivated or deleted first. */
  state: "pending" | "delivered" | "abandoned";
  attempts: DeliveryAttempt[];
}

export interface DispatchSettings {
  retryDelayMs: number;
  timeoutMs: number;
}

interface Queue {
  store: AccountStore;
  integrationId: number;
  items: Delivery[];
  busy: boolean;
  timer: NodeJS.Timeout | null;
  abort: AbortController | null;
}

export function isActiveHttp(i: IntegrationRec): boolean {
  return i.type === "http" && i.http !== null && i.deactivated_datetime === null;
}

export class Dispatcher {
  private readonly deliveries: Delivery[] = [];
  private readonly queues = new Map<string, Queue>();
  private nextId = 1;
  /** Bumped by reset, so an attempt still in flight from before it changes nothing. */
  private generation = 0;

  constructor(
    private readonly settings: () => DispatchSettings,
    private readonly origin: () => string,
  ) {}

  /** Queues one delivery per active integration subscribed to this event's type. */
  onEvent(store: AccountStore, event: EventRec): void {
    if (!(TRIGGERS as readonly string[]).includes(event.type)) return;
    const targets = [...store.data.integrations.values()].filter((i) => isActiveHttp(i) && i.http?.triggers[event.type] === true);
    if (targets.length === 0) return;
    const context = this.contextOf(store, event);
    if (!context) return;
    for (const integration of targets) {
      if (!integration.http) continue;
      const delivery: Delivery = {
        id: this.nextId++,
        account: store.domain,
        integration_id: integration.id,
        event_id: event.id,
        event_type: event.type,
        request: buildRequest(integration.http, context),
        state: "pending",
        attempts: [],
      };
      this.deliveries.push(delivery);
      this.queueOf(store, integration.id).items.push(delivery);
    }
    for (const integration of targets) {
      const queue = this.queueOf(store, integration.id);
      // After the current action: the API answer goes out before any delivery starts.
      setImmediate(() => this.pump(queue));
    }
  }

  private contextOf(store: AccountStore, event: EventRec): Record<string, unknown> | null {
    const wire = { store, origin: this.origin() };
    const message = event.object_type === "TicketMessage" ? store.data.messages.get(event.object_id) : undefined;
    const ticket = store.ticket(message ? message.ticket_id : event.object_id);
    if (!ticket) return null;
    return { ticket: ticketFull(wire, ticket), ...(message ? { message: messageWire(wire, message) } : {}), event: eventWire(event) };
  }

  private queueOf(store: AccountStore, integrationId: number): Queue {
    const key = `${store.domain}:${integrationId}`;
    let queue = this.queues.get(key);
    if (!queue || queue.store !== store) {
      queue = { store, integrationId, items: [], busy: false, timer: null, abort: null };
      this.queues.set(key, queue);
    }
    return queue;
  }

  list(filter: { account?: string | null; integrationId?: number | null }): Delivery[] {
    return this.deliveries.filter(
      (d) => (filter.account == null || d.account === filter.account) && (filter.integrationId == null || d.integration_id === filter.integrationId),
    );
  }

  /** Forgets finished deliveries; pending ones keep going. */
  clearFinished(): void {
    const pending = this.deliveries.filter((d) => d.state === "pending");
    this.deliveries.length = 0;
    this.deliveries.push(...pending);
  }

  /** Drops what is queued for an integration (deleted or deactivated). */
  abandon(store: AccountStore, integrationId: number): void {
    const queue = this.queues.get(`${store.domain}:${integrationId}`);
    if (!queue) return;
    this.stop(queue);
    this.queues.delete(`${store.domain}:${integrationId}`);
  }

  /** Stops every delivery and forgets them all (reset, close). */
  reset(): void {
    this.generation++;
    for (const queue of this.queues.values()) this.stop(queue);
    this.queues.clear();
    this.deliveries.length = 0;
  }

  private stop(queue: Queue): void {
    if (queue.timer) clearTimeout(queue.timer);
    queue.timer = null;
    queue.abort?.abort(new Error("abandoned"));
    for (const d of queue.items) d.state = "abandoned";
    queue.items.length = 0;
  }

  private pump(queue: Queue): void {
    if (queue.busy || queue.timer || this.queues.get(`${queue.store.domain}:${queue.integrationId}`) !== queue) return;
    const delivery = queue.items[0];
    if (!delivery) return;
    queue.busy = true;
    const generation = this.generation;
    // attempt() turns every failure into a result, so this promise never rejects.
    void this.attempt(queue, delivery).then((attempt) => {
      queue.busy = false;
      queue.abort = null;
      if (generation !== this.generation || delivery.state !== "pending") return;
      delivery.attempts.push(attempt);
      this.settle(queue, delivery, attempt);
      this.trim();
    });
  }

  private settle(queue: Queue, delivery: Delivery, attempt: DeliveryAttempt): void {
    const { store } = queue;
    const integration = store.data.integrations.get(queue.integrationId);
    if (!integration) return this.abandon(store, queue.integrationId);
    const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    if (ok) {
      delivery.state = "delivered";
      queue.items.shift();
      if (integration.consecutive_failures !== 0) {
        integration.consecutive_failures = 0;
        store.touch("integrations", integration.id);
      }
      return this.pump(queue);
    }
    integration.consecutive_failures++;
    store.touch("integrations", integration.id);
    if (integration.consecutive_failures >= MAX_CONSECUTIVE_FAILURES) {
      inAction(store, null, () => {
        integration.deactivated_datetime = nowIso();
        integration.updated_datetime = integration.deactivated_datetime;
        integrationChanged(store, "integration-deactivated", integration.id, { reason: `${MAX_CONSECUTIVE_FAILURES} consecutive failed deliveries` });
      });
      return this.abandon(store, integration.id);
    }
    const { retryDelayMs } = this.settings();
    const delay = retryDelayMs * 2 ** Math.min(delivery.attempts.length - 1, MAX_BACKOFF_STEPS);
    queue.timer = setTimeout(() => {
      queue.timer = null;
      this.pump(queue);
    }, delay);
    queue.timer.unref();
  }

  private async attempt(queue: Queue, delivery: Delivery): Promise<DeliveryAttempt> {
    const at = nowIso();
    const started = performance.now();
    const done = (status: number | null, error: string | null): DeliveryAttempt => ({ at, status, error, duration_ms: Math.round(performance.now() - started) });
    const refused = loopbackError(delivery.request.url);
    if (refused) return done(null, refused);
    const { timeoutMs } = this.settings();
    const abort = new AbortController();
    queue.abort = abort;
    const timer = setTimeout(() => abort.abort(new Error(`Timed out after ${timeoutMs} ms.`)), timeoutMs);
    try {
      const { method, url, headers, body } = delivery.request;
      const res = await fetch(url, { method, headers, body, signal: abort.signal, redirect: "manual" });
      await res.arrayBuffer();
      return done(res.status, null);
    } catch (e) {
      const reason: unknown = abort.signal.aborted ? abort.signal.reason : e;
      const cause = reason instanceof Error && reason.cause instanceof Error ? `: ${reason.cause.message}` : "";
      return done(null, reason instanceof Error ? `${reason.message}${cause}` : String(reason));
    } finally {
      clearTimeout(timer);
    }
  }

  private trim(): void {
    let excess = this.deliveries.filter((d) => d.state !== "pending").length - KEPT_FINISHED;
    for (let i = 0; excess > 0 && i < this.deliveries.length; ) {
      if (this.deliveries[i]?.state !== "pending") {
        this.deliveries.splice(i, 1);
        excess--;
      } else i++;
    }
  }
}
