/**
 * The one error type of the API and its rendering: every failure leaves as
 * `{ "error": { "code", "message" } }` with a matching HTTP status, rendered once by
 * `renderError` (installed as app.onError), so no route builds an error body by hand.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { StoryStateError } from '../store/json-stories.ts';
import { AmbiguousIdError, StoreBusyError } from '../store/store.ts';

export type ErrorCode =
  | 'bad_request'            // 400: malformed JSON, bad query parameter, malformed id
  | 'unauthorized'           // 401: no or wrong API token (src/api/security.ts)
  | 'forbidden'              // 403: a host name or origin this server does not serve
  | 'not_found'              // 404
  | 'method_not_allowed'     // 405
  | 'payload_too_large'      // 413
  | 'unsupported_media_type' // 415
  | 'header_too_large'       // 431: request line and headers over the server's limit (src/api/server.ts)
  | 'unprocessable'          // 422: well-formed JSON that fails validation, or nothing to ingest
  | 'timeout'                // 503: the request took too long
  | 'unavailable'            // 503: the store cannot answer now (stories being rebuilt, a writer holding it too long)
  | 'internal';              // 500

const STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, method_not_allowed: 405, payload_too_large: 413,
  unsupported_media_type: 415, header_too_large: 431, unprocessable: 422, timeout: 503, unavailable: 503, internal: 500,
};

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: unknown };
}

/** An error a client can act on; carries its code and, for validation, the offending fields. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message);
  }
  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof AmbiguousIdError) return new ApiError('bad_request', error.message, { matches: error.matches });
  if (error instanceof StoryStateError) return new ApiError('unavailable', error.message);
  // Its message names the database file: not for clients.
  if (error instanceof StoreBusyError) return new ApiError('unavailable', 'the store is busy with another writer; try again shortly');
  if (error instanceof HTTPException) {
    const code = (Object.keys(STATUS) as ErrorCode[]).find((k) => STATUS[k] === error.status) ?? 'bad_request';
    return new ApiError(code, error.message || code.replace(/_/g, ' '));
  }
  return new ApiError('internal', 'internal server error');
}

/**
 * Renders any thrown value as the JSON error body. Unexpected errors are logged through
 * `log` and answered without their message, which may hold paths or SQL.
 */
export function errorRenderer(log: (error: unknown) => void = () => {}) {
  return function renderError(error: unknown, c: Context): Response {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') log(error);
    const body: ErrorBody = {
      error: { code: apiError.code, message: apiError.message, ...(apiError.details !== undefined && { details: apiError.details }) },
    };
    return c.json(body, apiError.status);
  };
}
