// The search palette's browser-safe entry (Mod+K).
export { SearchPalette } from "./components/search-palette";
