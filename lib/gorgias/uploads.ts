import { z } from "zod";
import type { UploadedFile } from "@/lib/domain/attachments";
import { err, ok, type Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";

/** One file to upload, as our upload route received it. */
export interface FileToUpload {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Blob;
}

// The File object (developers.gorgias.com "The File object"): its example gives `size` as a string.
const descriptor = z.object({
  url: z.string().min(1),
  name: z.string(),
  content_type: z.string().nullish(),
  size: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
});
// A list of descriptors, one per file part; a single object or a `{data}` envelope are read the same way.
const uploadAnswer = z.union([z.array(descriptor), z.object({ data: z.array(descriptor) }).transform((b) => b.data), descriptor.transform((d) => [d])]);

export function uploadsApi(send: Transport) {
  return {
    /**
     * `POST /api/upload` (multipart): one file per call, so each file's progress and failure are
     * its own. Not retried: a second upload would only leave an unused copy, but the agent decides.
     */
    upload: async (file: FileToUpload, o?: CallOptions): Promise<Result<UploadedFile, GorgiasError>> => {
      const form = new FormData();
      form.append("file", file.bytes, file.name);
      const answer = await send({ method: "POST", path: "/upload", body: form, schema: uploadAnswer }, { priority: "write", ...o });
      if (!answer.ok) return answer;
      const [first] = answer.value;
      if (!first) return err({ kind: "unexpected_response", request: "POST /api/upload", status: 200, detail: "no file in the answer", message: "Gorgias did not say where it stored the file." });
      return ok({ url: first.url, name: first.name || file.name, contentType: first.content_type || file.contentType, size: first.size ?? file.bytes.size });
    },
  };
}
