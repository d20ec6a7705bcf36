/**
 * newsgraph's error kinds (after graphology's and the neo4j driver's
 * typology): fatal problems throw one of these at an edge (CLI, store,
 * config); trouble inside one article becomes a Diagnostic instead.
 * Tests assert `code` or the class, never the message text.
 */
export type NgErrorCode =
  | 'CONFIG_INVALID'
  | 'INPUT_UNREADABLE'
  | 'SCHEMA_VIOLATION'
  | 'EXPORT_FAILED'
  | 'STORE_FAILED'
  | 'NEO4J_UNAVAILABLE'
  | 'NEO4J_AUTH'
  | 'NEO4J_DATABASE'
  | 'QUERY_FAILED';

export class NgError extends Error {
  readonly code: NgErrorCode;
  readonly retriable: boolean;
  constructor(message: string, code: NgErrorCode, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = options.retriable ?? false;
  }
}

export class ConfigError extends NgError {}
export class InputError extends NgError {}
export class SchemaError extends NgError {}
export class ExportError extends NgError {}
export class StoreError extends NgError {}

export const isNgError = (e: unknown): e is NgError => e instanceof NgError;

/** A message for any thrown value, for diagnostics and one-line CLI errors. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
