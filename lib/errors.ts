/**
 * Typed errors with a stable `code`, so the UI and the CLI can tell a user what to do.
 * Messages follow `problem: value` plus a remedy. They cross the worker boundary as plain
 * objects (see toErrorInfo / fromErrorInfo) because structured clone drops subclass identity.
 */
export type ErrorKind = 'DataError' | 'AnalysisError' | 'StorageError' | 'WorkerError';

export class DriftbookError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, code: string, message: string) {
    super(message);
    this.name = kind;
    this.kind = kind;
    this.code = code;
  }
}

export class DataError extends DriftbookError {
  constructor(code: string, message: string) {
    super('DataError', code, message);
  }
}

export class AnalysisError extends DriftbookError {
  constructor(code: string, message: string) {
    super('AnalysisError', code, message);
  }
}

export class StorageError extends DriftbookError {
  constructor(code: string, message: string) {
    super('StorageError', code, message);
  }
}

export class WorkerError extends DriftbookError {
  constructor(code: string, message: string) {
    super('WorkerError', code, message);
  }
}

export interface ErrorInfo {
  kind: ErrorKind | 'Error';
  code: string;
  message: string;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof DriftbookError) return { kind: error.kind, code: error.code, message: error.message };
  if (error instanceof Error) return { kind: 'Error', code: 'internal', message: error.message };
  return { kind: 'Error', code: 'internal', message: String(error) };
}

export function fromErrorInfo(info: ErrorInfo): Error {
  switch (info.kind) {
    case 'DataError':
      return new DataError(info.code, info.message);
    case 'AnalysisError':
      return new AnalysisError(info.code, info.message);
    case 'StorageError':
      return new StorageError(info.code, info.message);
    case 'WorkerError':
      return new WorkerError(info.code, info.message);
    default:
      return new Error(info.message);
  }
}

/** A one-line, user-facing message for any thrown value. */
export function errorMessage(error: unknown): string {
  return toErrorInfo(error).message;
}
