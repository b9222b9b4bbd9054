import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

const visitor = new AsyncLocalStorage<AbortSignal>();

/**
 * Auth.js hands `authorize` a copy of the request without its abort signal. This keeps the signal
 * of the request being handled in reach, so a sign-in check still queued for a visitor who has
 * gone away is dropped rather than spend the account's budget.
 */
export function withVisitorSignal<Req extends Request, R>(handler: (request: Req) => R): (request: Req) => R {
  return (request) => visitor.run(request.signal, () => handler(request));
}

/** The abort signal of the sign-in request being handled, when it came through the Auth.js route. */
export function visitorSignal(): AbortSignal | undefined {
  return visitor.getStore();
}
