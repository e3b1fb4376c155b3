export {
  ApiClient,
  type ApiClientOptions,
  type ApiLogger,
  type ApiRequest,
  type ApiResponse,
  type HttpMethod,
  type LogLevel,
} from "./api-client";
export {
  API_ERROR_CODES,
  ApiError,
  type ApiErrorCode,
  type ApiErrorDetail,
  errorCodeForStatus,
  isApiError,
} from "./errors";
export { expandPath } from "./path-template";
export { backoffDelay, parseRetryAfter } from "./retry-policy";
