import "server-only";
export { loadInboxPage, loadViews } from "./inbox-list";
