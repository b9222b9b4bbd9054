// What Next code imports: the build fails if a client component ever pulls the store in.
import "server-only";
export * from "./index";
