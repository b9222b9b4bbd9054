export { useLiveDesk } from "./client/use-live-desk";
export { isLive, liveStatus, pollUnlessLive, subscribeLiveStatus, FALLBACK_POLL_MS, type LiveStatus } from "./client/live-status";
export { LiveDesk } from "./components/live-desk";
export { usePollInterval } from "./client/use-poll-interval";
export { FeedHealthPanel } from "./components/feed-health-panel";
export { reportTyping, usePresenceReport } from "./client/use-presence-report";
export { PresenceAvatars } from "./components/presence-avatars";
export { TicketPresence } from "./components/ticket-presence";
