import type { MessageKey, MessageParam } from './i18n/messages.ts'

/** A failure the visitor or client can act on. `id` is stable: clients and tests may rely on it. */
export class AppError extends Error {
  readonly id: string
  readonly status: number
  readonly messageKey: MessageKey
  readonly params: Record<string, MessageParam>
  readonly details: FieldProblem[]
  constructor(id: string, status: number, messageKey: MessageKey, params: Record<string, MessageParam> = {}, details: FieldProblem[] = []) {
    super(`${id}: ${messageKey}`)
    this.id = id
    this.status = status
    this.messageKey = messageKey
    this.params = params
    this.details = details
  }
}

/** One problem with one input, for problem+json `invalidParams` and for form messages. */
export interface FieldProblem {
  name: string
  messageKey: MessageKey
  params?: Record<string, MessageParam>
}

export class ValidationError extends AppError {
  constructor(details: FieldProblem[]) {
    super('validation-failed', 400, 'error.validation', {}, details)
  }
}

export class NotFoundError extends AppError {
  constructor(messageKey: MessageKey = 'error.notFound', params: Record<string, MessageParam> = {}) {
    super('not-found', 404, messageKey, params)
  }
}

export class UnauthorizedError extends AppError {
  constructor() {
    super('unauthorized', 401, 'error.unauthorized')
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super('forbidden', 403, 'error.forbidden')
  }
}

export class ConflictError extends AppError {
  constructor(messageKey: MessageKey = 'error.conflict') {
    super('conflict', 409, messageKey)
  }
}

export class GoneError extends AppError {
  constructor(messageKey: MessageKey = 'error.linkExpired') {
    super('link-expired', 410, messageKey)
  }
}

export class RateLimitedError extends AppError {
  constructor() {
    super('rate-limited', 429, 'error.rateLimited')
  }
}

/** The JSON API was sent something other than JSON. */
export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super('unsupported-media-type', 415, 'error.unsupportedMediaType')
  }
}

export class CsrfError extends AppError {
  constructor() {
    super('csrf-invalid', 403, 'error.csrf')
  }
}

/** A known path asked with a method it does not take; `allow` lists those it does (the Allow header). */
export class MethodNotAllowedError extends AppError {
  readonly allow: string
  constructor(method: string, allow: string) {
    super('method-not-allowed', 405, 'error.methodNotAllowed', { method: method.slice(0, 20), allow })
    this.allow = allow
  }
}
