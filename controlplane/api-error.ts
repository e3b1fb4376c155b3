/**
 * An error the API answers with: the HTTP status, a stable machine code and a human message, rendered
 * as the Aiven error body `{"errors":[{error_code, message, status}], "message"}`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  body(): { errors: { error_code: string; message: string; status: number }[]; message: string } {
    return {
      errors: [{ error_code: this.errorCode, message: this.message, status: this.status }],
      message: this.message,
    };
  }
}

export const badRequest = (message: string) => new ApiError(400, "bad_request", message);
export const notFound = (code: string, message: string) => new ApiError(404, code, message);
export const conflict = (message: string) => new ApiError(409, "conflict", message);
