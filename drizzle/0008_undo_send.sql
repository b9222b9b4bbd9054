ALTER TABLE "send_operations" DROP CONSTRAINT "send_operations_state_ck";--> statement-breakpoint
ALTER TABLE "send_operations" ADD COLUMN "send_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "send_operations" ADD COLUMN "payload" jsonb;--> statement-breakpoint
CREATE INDEX "send_operations_due_idx" ON "send_operations" USING btree ("state","send_after");--> statement-breakpoint
ALTER TABLE "send_operations" ADD CONSTRAINT "send_operations_state_ck" CHECK ("send_operations"."state" in ('pending', 'in_flight', 'succeeded', 'failed', 'unknown', 'scheduled', 'cancelled'));