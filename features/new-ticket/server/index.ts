import "server-only";
export { createTicket } from "./create-ticket";
