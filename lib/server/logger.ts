import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured server logs: one JSON line per event on stdout (stderr for the stdio MCP server), errors whole (type, message, stack
 * and their causes, through pino's `err` serializer). No transport, so no worker thread and
 * nothing to bundle; pretty-printing is left to whoever reads the logs.
 */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { service: "gorgias-desk" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: our errors never carry these, but a third-party error might.
    redact: { paths: ["apiKey", "*.apiKey", "headers.authorization", "*.headers.authorization"], censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

// `npm run mcp` speaks its protocol on stdout, so it sets DESK_LOG_TO_STDERR.
export const logger = createLogger(process.env.DESK_LOG_TO_STDERR === "1" ? pino.destination(2) : undefined);
