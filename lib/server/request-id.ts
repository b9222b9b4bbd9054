import "server-only";
import { randomUUID } from "node:crypto";

// An id a proxy or load balancer already gave the request is kept, so its logs and ours line up;
// anything but a short plain token is replaced (it is echoed to the browser and into logs).
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The id an agent can quote and we can find in the logs: one per route call or action call. */
export function requestIdFrom(headers: Pick<Headers, "get">): string {
  const incoming = headers.get("x-request-id");
  return incoming !== null && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
