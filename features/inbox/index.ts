export { InboxScreen } from "./components/inbox-screen";
export { SkeletonRows } from "./components/ticket-list-states";
export { ListPane } from "./components/list-pane";
export { useMoveOn } from "./client/use-move-on";
export { useBackToList } from "./client/use-back-to-list";
export { viewsQuery } from "./client/queries";
