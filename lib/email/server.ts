// Sanitizing belongs on the server (docs/safety.md#hostile-html): this entry point makes a client import a build error.
import "server-only";

export * from "./index";
