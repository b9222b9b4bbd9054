import type { Account } from "@/lib/domain/account";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { account } from "./wire/account";

export function accountApi(send: Transport) {
  return {
    /** Cheap and scope-free: the credential check used at sign-in and by `npm run verify`. */
    get: (o?: CallOptions): Promise<Result<Account, GorgiasError>> => send({ method: "GET", path: "/account", schema: account }, o),
  };
}
