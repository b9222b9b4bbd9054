CREATE TABLE "budget_buckets" (
	"account_key" text PRIMARY KEY NOT NULL,
	"level" double precision NOT NULL,
	"level_at" timestamp with time zone NOT NULL,
	"paused_until" timestamp with time zone NOT NULL
);
