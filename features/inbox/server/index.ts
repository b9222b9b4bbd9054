import "server-only";
export { loadInboxPage, loadViews } from "./inbox-list";
export { loadViewCounts } from "./view-counts";
