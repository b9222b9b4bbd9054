export { Composer } from "./components/composer";
export { composerPropsFor } from "./components/composer-props";
export { ModeBanner } from "./components/mode-banner";
export { ModeTabs } from "./components/mode-tabs";
export { draftStorageKey, newOperationId } from "./client/drafts";
