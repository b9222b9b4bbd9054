// Gorgias answers errors as {"error": {"msg", "data"?}}; handlers throw ApiError and the
// server turns it into exactly that shape.

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly msg: string,
    readonly data?: FieldErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(msg);
  }

  body(): { error: { msg: string; data?: FieldErrors } } {
    return { error: this.data ? { msg: this.msg, data: this.data } : { msg: this.msg } };
  }
}

export const MESSAGES: Record<number, string> = {
  400: "Bad request.",
  401: "Unauthorized.",
  403: "You don't have the permissions to perform this action.",
  404: "Resource not found.",
  405: "The specified HTTP method is not allowed.",
  409: "The resource already exists.",
  413: "Request entity too large.",
  429: "Too many requests.",
  500: "Internal server error.",
  502: "Bad gateway.",
  503: "An external service had an issue.",
  504: "Gateway timeout.",
};

export const notFound = () => new ApiError(404, "Resource not found.");
export const badRequest = (msg: string, data?: FieldErrors) => new ApiError(400, msg, data);
