CREATE TABLE "shared_snapshots" (
	"account_domain" text NOT NULL,
	"key" text NOT NULL,
	"version" text,
	"body" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feed_accounts" ADD COLUMN "polled_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "shared_snapshots_account_key_idx" ON "shared_snapshots" USING btree ("account_domain","key");--> statement-breakpoint
CREATE INDEX "shared_snapshots_fetched_at_idx" ON "shared_snapshots" USING btree ("fetched_at");