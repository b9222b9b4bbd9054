export { Composer } from "./components/composer";
export { composerPropsFor } from "./components/composer-props";
export { ModeBanner } from "./components/mode-banner";
export { ModeTabs } from "./components/mode-tabs";
export { draftStorageKey, newOperationId } from "./client/drafts";
export { WaitingSendStatus } from "./components/waiting-send-status";
export { useFollowWaitingSends } from "./client/follow-waiting-sends";
export { lastWaitingSend, undoWaitingSend, useWaitingSends, type WaitingSend } from "./client/waiting-sends";
