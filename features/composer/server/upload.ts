/**
 * One attachment on its way to Gorgias (docs/safety.md#attachments): checked against the same limits
 * the composer checked, then `POST /api/upload`. The answer's descriptor is what the message carries.
 */
import { fileProblem, type UploadedFile } from "@/lib/domain/attachments";
import { isReadOnlyRole } from "@/lib/domain/user";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import type { AgentContext } from "@/lib/server/agent-action";
import { err, ok, type Result } from "@/lib/result";
import { OBSERVER_REFUSAL } from "./send/messages";

export async function uploadAttachment({ agent, gorgias }: AgentContext, file: File): Promise<Result<UploadedFile, AppError>> {
  if (isReadOnlyRole(agent.role)) return err(OBSERVER_REFUSAL);
  const problem = fileProblem({ name: file.name, size: file.size, type: file.type });
  if (problem) return err(appError("invalid_input", problem, { fields: { file: [problem] } }));
  const uploaded = await gorgias.uploads.upload({ name: file.name.trim(), contentType: file.type || "application/octet-stream", bytes: file }, { priority: "write" });
  return uploaded.ok ? ok(uploaded.value) : err(fromUpstream(uploaded.error));
}
