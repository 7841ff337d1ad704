import type { FastifyReply } from 'fastify'
import { AppError, type FieldProblem } from '../errors.ts'
import type { FormValues } from '../views/form.ts'

/** Sends a rendered page. */
export function sendPage(reply: FastifyReply, body: string, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(body)
}

/** What a form page shows again after a refused post: what was typed, what is wrong, and the error itself. */
export interface FormState {
  values: FormValues
  problems: FieldProblem[]
  error?: AppError
}

export interface FormPost {
  /** What was posted, kept to show again. */
  values: FormValues
  /**
   * Validates and calls the service; answers where to go next (POST, redirect, GET), or a page to show at once for
   * what may be seen only now (a single-use link): never stored by a browser or cache.
   */
  submit: () => Promise<string | { once: string }>
  /** The form's page again, with the state of the refused post. */
  render: (state: FormState) => string | Promise<string>
  /** Refusals that show the form again (default: 400 invalid input and 409 conflicts); others get the error page. */
  rerender?: readonly number[]
}

/**
 * The one way a form post is handled: submit, then 303 to the next page; or, when the input is refused (400) or
 * meets a conflict (409), the same form again with that status, its problems and everything typed kept.
 */
export async function handleFormPost(reply: FastifyReply, form: FormPost) {
  try {
    const next = await form.submit()
    if (typeof next === 'string') return reply.redirect(next, 303)
    reply.header('cache-control', 'no-store')
    return sendPage(reply, next.once)
  } catch (error) {
    if (error instanceof AppError && (form.rerender ?? [400, 409]).includes(error.status)) {
      return sendPage(reply, await form.render({ values: form.values, problems: error.details, error }), error.status)
    }
    throw error
  }
}
