// The store's one door: everything outside lib/db imports from here (a lint boundary), and no
// browser code may import it at all, so the store can never reach a client bundle.
export * from "./store";
export * from "./schema";
export * from "./agents";
export * from "./audit";
export * from "./drafts";
export * from "./send-operations";
export * from "./sessions";
export * from "./sign-in-throttle";
export * from "./presence";
export * from "./maintenance";
export * from "./budget-ledger";
export * from "./live-signals";
export * from "./feed";
export * from "./shared-snapshots";
export * from "./assistant-tokens";
export * from "./assistant-confirmations";
export * from "./scheduled-sends";
