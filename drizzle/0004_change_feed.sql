CREATE TABLE "feed_accounts" (
	"account_domain" text PRIMARY KEY NOT NULL,
	"webhook_secret_hash" text,
	"events_after" timestamp with time zone,
	"last_event_id" bigint,
	"poll_lease_until" timestamp with time zone,
	"last_webhook_at" timestamp with time zone,
	"last_event_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feed_deliveries" (
	"account_domain" text NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feed_deliveries_account_key_idx" ON "feed_deliveries" USING btree ("account_domain","key");--> statement-breakpoint
CREATE INDEX "feed_deliveries_at_idx" ON "feed_deliveries" USING btree ("at");