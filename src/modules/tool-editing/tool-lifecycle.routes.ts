import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { ValidationError, type FieldProblem } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues, str, type FormValues } from '../../views/form.ts'
import { authorize } from '../../lib/policy.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { DuplicatesFoundError, summarizeMatches } from '../submissions/submissions.service.ts'
import { ToolConflictError } from './tool-editing.service.ts'
import { CreateToolSchema, MergeSchema, RetireSchema } from './tool-lifecycle.schemas.ts'
import { MergeConflictError, type ToolLifecycleService } from './tool-lifecycle.service.ts'
import { createDefaults, createToolPage } from './views/create.page.ts'
import { sectionPath } from './views/edit.frame.ts'
import { retirePage, retireValues } from './views/retire.page.ts'
import { mergeChoosePage, mergeComparePage } from './views/tool-merge.page.ts'

export interface ToolLifecycleRouteDeps {
  config: Config
  reference: ReferenceData
  toolLifecycle: ToolLifecycleService
}

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>

/** One value of a query parameter (the last, when it was sent more than once). */
function queryValue(request: FastifyRequest, name: string): string | undefined {
  const v = (request.query as Record<string, unknown>)[name]
  const one = Array.isArray(v) ? v.at(-1) : v
  return typeof one === 'string' ? one : undefined
}

/** /tools/new, /tools/{slug}/retire and /tools/{slug}/merge: curators create, retire and merge tools. */
export function registerToolLifecyclePages(app: FastifyInstance, deps: ToolLifecycleRouteDeps) {
  const { toolLifecycle: lifecycle, reference } = deps
  for (const locale of LOCALES) {
    const context = (request: FastifyRequest) => pageContext(request, deps.config.PUBLIC_URL)

    // Creating ---------------------------------------------------------------------------------------------------
    const createForm = (request: FastifyRequest, reply: FastifyReply, values: FormValues, state?: FormState) =>
      createToolPage(context(request), reference, {
        values,
        problems: state?.problems ?? [],
        candidates: state?.error instanceof DuplicatesFoundError ? summarizeMatches(state.error.matches) : [],
        csrfToken: reply.generateCsrf(),
      })

    app.get(localePath(locale, '/tools/new'), async (request, reply) => {
      authorize(request.actor, 'catalogue.edit')
      return sendPage(reply, createForm(request, reply, createDefaults(locale)))
    })

    app.post(localePath(locale, '/tools/new'), async (request, reply) => {
      const actor = authorize(request.actor, 'catalogue.edit')
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          const tool = await lifecycle.create(actor, validateInput(CreateToolSchema, request.body))
          return `${sectionPath(locale, tool.slug, 'basics')}?done=created`
        },
        render: (state) => createForm(request, reply, values, state),
      })
    })

    // Retiring ---------------------------------------------------------------------------------------------------
    const retireForm = async (request: SlugRequest, reply: FastifyReply, state?: FormState) => {
      const [{ tool, successor }, entries] = await Promise.all([lifecycle.loadForRetiring(request.actor, request.params.slug), lifecycle.pickerEntries()])
      const conflict = state?.error instanceof ToolConflictError ? state.error : undefined
      // After refused input the form keeps the version the curator started from, so a save by someone else still shows.
      const typedVersion = Number(str(state?.values ?? {}, 'version'))
      return retirePage(context(request), {
        tool,
        values: state?.values ?? retireValues(tool, successor, locale),
        version: conflict ? conflict.currentVersion : state && typedVersion > 0 ? typedVersion : tool.version,
        problems: conflict ? [] : (state?.problems ?? []),
        conflict,
        successors: entries.filter((e) => e.id !== tool.id && e.status !== 'retired'),
        csrfToken: reply.generateCsrf(),
      })
    }

    app.get<{ Params: { slug: string } }>(localePath(locale, '/tools/:slug/retire'), async (request, reply) => {
      authorize(request.actor, 'catalogue.edit')
      return sendPage(reply, await retireForm(request, reply))
    })

    app.post<{ Params: { slug: string } }>(localePath(locale, '/tools/:slug/retire'), async (request, reply) => {
      const actor = authorize(request.actor, 'catalogue.edit')
      const slug = request.params.slug
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await lifecycle.retire(actor, slug, validateInput(RetireSchema, request.body))
          return `${sectionPath(locale, slug, 'basics')}?done=retired`
        },
        render: (state) => retireForm(request, reply, state),
      })
    })

    // Merging ----------------------------------------------------------------------------------------------------
    /** The first step: choosing the other tool, with what was typed and why it was not found. */
    const choosePage = async (request: SlugRequest, values: FormValues, problems: FieldProblem[]) => {
      const [{ tool, candidates }, entries] = await Promise.all([lifecycle.mergeStart(request.actor, request.params.slug), lifecycle.pickerEntries()])
      return mergeChoosePage(context(request), { tool, candidates: summarizeMatches(candidates), values, problems, pickerEntries: entries })
    }

    /** The comparison of both tools as they are now; back to choosing when the other tool is not (or no longer) found. */
    const mergeForm = async (request: SlugRequest, reply: FastifyReply, values: FormValues, state?: FormState) => {
      const other = str(values, 'other') ?? ''
      let tools: Awaited<ReturnType<ToolLifecycleService['compare']>>
      try {
        tools = await lifecycle.compare(request.actor, request.params.slug, other)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        reply.code(400)
        return choosePage(request, { other }, error.details)
      }
      return mergeComparePage(context(request), reference, {
        ...tools,
        values,
        problems: state?.error instanceof MergeConflictError ? [] : (state?.problems ?? []),
        changed: state?.error instanceof MergeConflictError ? state.error.changed : undefined,
        csrfToken: reply.generateCsrf(),
      })
    }

    app.get<{ Params: { slug: string } }>(localePath(locale, '/tools/:slug/merge'), async (request, reply) => {
      authorize(request.actor, 'catalogue.edit')
      const other = queryValue(request, 'other')
      if (other === undefined || other.trim() === '') return sendPage(reply, await choosePage(request, {}, []))
      const page = await mergeForm(request, reply, { other: other.slice(0, 200) })
      return reply.type('text/html; charset=utf-8').send(page)
    })

    app.post<{ Params: { slug: string } }>(localePath(locale, '/tools/:slug/merge'), async (request, reply) => {
      const actor = authorize(request.actor, 'catalogue.edit')
      const slug = request.params.slug
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          await lifecycle.merge(actor, slug, validateInput(MergeSchema, request.body))
          return `${sectionPath(locale, slug, 'basics')}?done=merged`
        },
        render: (state) => mergeForm(request, reply, values, state),
      })
    })
  }
}

