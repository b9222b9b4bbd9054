CREATE TABLE "live_signals" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "live_signals_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_domain" text NOT NULL,
	"kind" text NOT NULL,
	"ticket_id" integer,
	"version" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "live_signals_account_seq_idx" ON "live_signals" USING btree ("account_domain","seq");