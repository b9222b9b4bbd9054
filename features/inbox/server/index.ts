import "server-only";
export { loadInboxPage, loadViews } from "./inbox-list";
export { loadViewCounts } from "./view-counts";
export { bulkResponse } from "./bulk-route";
export { runBulk, type BulkContext } from "./bulk";
