// The customers feature's browser-safe entry.
export { customerProfileQuery, customerSearchQuery, type CustomerMatch, type CustomerProfile } from "./client/queries";
