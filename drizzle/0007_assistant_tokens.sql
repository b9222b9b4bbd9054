CREATE TABLE "assistant_confirmations" (
	"id" text PRIMARY KEY NOT NULL,
	"agent_id" uuid NOT NULL,
	"assistant_token_id" uuid,
	"kind" text NOT NULL,
	"ticket_id" integer,
	"payload_hash" text NOT NULL,
	"newest_message_id" integer,
	"operation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assistant_confirmations_kind_ck" CHECK ("assistant_confirmations"."kind" in ('reply', 'ticket', 'update'))
);
--> statement-breakpoint
CREATE TABLE "assistant_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"account_domain" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"hint" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "assistant_tokens_scopes_ck" CHECK ("assistant_tokens"."scopes" <@ array['read', 'write', 'send']::text[] and cardinality("assistant_tokens"."scopes") > 0)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "assistant_token_id" uuid;--> statement-breakpoint
ALTER TABLE "send_operations" ADD COLUMN "assistant_token_id" uuid;--> statement-breakpoint
ALTER TABLE "assistant_tokens" ADD CONSTRAINT "assistant_tokens_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistant_confirmations_expires_idx" ON "assistant_confirmations" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assistant_tokens_hash_uq" ON "assistant_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "assistant_tokens_agent_idx" ON "assistant_tokens" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "audit_log_token_idx" ON "audit_log" USING btree ("assistant_token_id","id");