export { TicketView } from "./components/ticket-view";
export { TicketNotFound, TicketSkeleton } from "./components/ticket-states";
export { changeTicketOnDemand, preloadTicketUpdate } from "./client/ticket-update-on-demand";
export { ServerClock } from "./client/clock";
export { changeReadState } from "./client/read-state";
export { SnoozeMenu, type SnoozeMenuProps } from "./components/snooze-menu";
export { TagPicker, type TagPickerProps } from "./components/tag-picker";
export { SnoozedUntil } from "./components/snoozed-until";
export { changeTicketTags, type TagChange } from "./client/tag-change";
