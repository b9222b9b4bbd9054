// The customers feature's browser-safe entry.
export { customerSearchQuery, type CustomerMatch } from "./client/queries";
