// Sanitizing belongs on the server (safety rule 8): this entry point makes a client import a build error.
import "server-only";

export * from "./index";
