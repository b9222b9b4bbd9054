export { InboxScreen } from "./components/inbox-screen";
export { SkeletonRows } from "./components/ticket-list-states";
