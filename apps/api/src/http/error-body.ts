// The one JSON shape every error response has. `code` is machine-readable and stable; `message` is for people.

export interface ErrorDetail {
  /** Dotted path of the offending input (`nip`, `body.name`), or a variable/part name. */
  field?: string;
  message: string;
  [key: string]: unknown;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
}

export function errorBody(statusCode: number, code: string, message: string, details?: ErrorDetail[]): ErrorBody {
  return details && details.length > 0 ? { statusCode, code, message, details } : { statusCode, code, message };
}
