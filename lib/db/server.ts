// What Next code imports: the build fails if a client component ever pulls the store in.
// The core modules stay free of `server-only` so tests and tsx scripts can load them directly.
import "server-only";
export * from "./index";
export * from "./agents";
export * from "./sessions";
export * from "./audit";
export * from "./sign-in-throttle";
