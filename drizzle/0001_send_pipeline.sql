CREATE TABLE "drafts" (
	"agent_id" uuid NOT NULL,
	"ticket_id" integer NOT NULL,
	"mode" text NOT NULL,
	"body_text" text NOT NULL,
	"operation_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drafts_mode_ck" CHECK ("drafts"."mode" in ('reply', 'note'))
);
--> statement-breakpoint
CREATE TABLE "send_operations" (
	"operation_id" uuid PRIMARY KEY NOT NULL,
	"agent_id" uuid NOT NULL,
	"account_domain" text NOT NULL,
	"ticket_id" integer,
	"kind" text NOT NULL,
	"body_hash" text NOT NULL,
	"state" text NOT NULL,
	"gorgias_message_id" integer,
	"gorgias_ticket_id" integer,
	"error" jsonb,
	"outcome" jsonb,
	"claim_seq" integer DEFAULT 1 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"attempted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "send_operations_kind_ck" CHECK ("send_operations"."kind" in ('reply', 'note', 'ticket')),
	CONSTRAINT "send_operations_state_ck" CHECK ("send_operations"."state" in ('pending', 'in_flight', 'succeeded', 'failed', 'unknown'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_agent_ticket_mode_uq" ON "drafts" USING btree ("agent_id","ticket_id","mode");--> statement-breakpoint
CREATE INDEX "send_operations_ticket_idx" ON "send_operations" USING btree ("account_domain","ticket_id");--> statement-breakpoint
CREATE INDEX "send_operations_state_idx" ON "send_operations" USING btree ("state","updated_at");