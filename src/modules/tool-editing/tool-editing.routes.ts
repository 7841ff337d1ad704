import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { authorize } from '../../lib/policy.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput, validationCollector } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues, str, type FormValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { isEmptyRow, parseRows, rawRows } from './tool-editing.rows.ts'
import { BasicsSchema, VersionSchema, type RowKind } from './tool-editing.schemas.ts'
import { CURATOR_SECTIONS, ToolConflictError, type LoadedTool, type Section, type ToolEditingService } from './tool-editing.service.ts'
import { assessmentsPage, assessmentValues } from './views/assessments.page.ts'
import { basicsPage, basicsValues } from './views/basics.page.ts'
import { sectionPath, type EditFrame } from './views/edit.frame.ts'
import { linksPage, linksValues } from './views/links.page.ts'
import { organisationsPage, organisationValues } from './views/organisations.page.ts'
import { pilotsPage, pilotValues } from './views/pilots.page.ts'
import { sdgPage, sdgValues } from './views/sdg.page.ts'
import { mimsPage, mimValues } from './views/mims.page.ts'
import { addRowIntent } from './views/rows.ts'

export interface ToolEditingRouteDeps {
  config: Config
  reference: ReferenceData
  toolEditing: ToolEditingService
  organisations: Pick<OrganisationsService, 'pickerEntries'>
}

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>

/** What a section page is shown with: the values (as now, or as typed), empty rows to add, and a refused save. */
interface SectionView {
  values: FormValues
  blank: Partial<Record<RowKind, number>>
  state?: FormState | undefined
}

/** Leaves a kind's empty rows out of posted values and says how many there were (they come back as blank rows). */
function withoutEmptyRows(values: FormValues, kind: RowKind): { values: FormValues; empty: number } {
  const out: FormValues = { ...values }
  let empty = 0
  for (const { index, fields } of rawRows(values, kind)) {
    if (!isEmptyRow(kind, fields)) continue
    empty++
    for (const field of Object.keys(fields)) delete out[`${kind}-${index}-${field}`]
  }
  return { values: out, empty }
}

/** /tools/{slug}/edit…: the edit pages of a tool, one per part, for curators and the tool's own organisations. */
export function registerToolEditingPages(app: FastifyInstance, deps: ToolEditingRouteDeps) {
  const { toolEditing, reference } = deps
  for (const locale of LOCALES) {
    const slugOf = (request: SlugRequest) => {
      if (!isSlug(request.params.slug)) throw new NotFoundError('error.toolNotFound', { slug: request.params.slug.slice(0, 80) })
      return request.params.slug
    }

    /** Renders a section: the tool as it is now, or what was typed with the problems of a refused save. */
    const render = async (section: Section, request: SlugRequest, reply: FastifyReply, view?: SectionView) => {
      const tool = await toolEditing.load(request.actor, slugOf(request))
      if (CURATOR_SECTIONS.has(section)) authorize(request.actor, 'catalogue.edit')
      const conflict = view?.state?.error instanceof ToolConflictError ? view.state.error : undefined
      // After refused input the page keeps the version the editor started from, so a save by someone else still shows.
      const typedVersion = Number(str(view?.values ?? {}, 'version'))
      const frame: EditFrame = {
        tool: { slug: tool.tool.slug, name_nl: tool.tool.name_nl, name_en: tool.tool.name_en, version: view?.state && !conflict && typedVersion > 0 ? typedVersion : tool.tool.version },
        section,
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { saved: 'editing.saved', created: 'lifecycle.create.done', retired: 'lifecycle.retire.done', merged: 'lifecycle.merge.done' }),
        problems: view?.state?.problems ?? [],
        conflict,
        mayEditCatalogue: tool.mayEditCatalogue,
      }
      const ctx = pageContext(request, deps.config.PUBLIC_URL)
      const values = view?.values ?? initialValues(section, tool)
      const blank = (kind: RowKind) => view?.blank[kind] ?? 1
      switch (section) {
        case 'basics':
          return basicsPage(ctx, reference, frame, values, { mayChangeSlug: tool.mayEditCatalogue, retired: tool.tool.status === 'retired' })
        case 'links':
          return linksPage(ctx, frame, values, { link: blank('link'), alias: blank('alias') })
        case 'sdg':
          return sdgPage(ctx, reference, frame, values)
        case 'assessments':
          return assessmentsPage(ctx, reference, frame, values, await deps.organisations.pickerEntries())
        case 'organisations':
          return organisationsPage(ctx, frame, values, blank('org'), await deps.organisations.pickerEntries())
        case 'pilots':
          return pilotsPage(ctx, frame, values, blank('pilot'), await deps.organisations.pickerEntries())
        case 'mims':
          return mimsPage(ctx, reference, frame, values)
      }
    }

    const initialValues = (section: Section, tool: LoadedTool): FormValues => {
      switch (section) {
        case 'basics':
          return basicsValues(tool)
        case 'links':
          return linksValues(tool)
        case 'sdg':
          return sdgValues(reference, tool)
        case 'assessments':
          return assessmentValues(reference, tool)
        case 'organisations':
          return organisationValues(tool)
        case 'pilots':
          return pilotValues(tool)
        case 'mims':
          return mimValues(reference, tool)
      }
    }

    /** A section's page and its save; "another row" shows the form again with one more empty row, saving nothing. */
    const section = (name: Section, rowKinds: RowKind[], save: (request: SlugRequest, slug: string) => Promise<unknown>) => {
      const path = sectionPath(locale, ':slug', name)
      app.get<{ Params: { slug: string } }>(path, async (request, reply) => sendPage(reply, await render(name, request, reply)))
      app.post<{ Params: { slug: string } }>(path, async (request, reply) => {
        const slug = slugOf(request)
        const values = formValues(request.body)
        const intent = str(values, 'intent')
        const adding = rowKinds.find((kind) => intent === addRowIntent(kind))
        if (adding) {
          let kept = values
          const blank: Partial<Record<RowKind, number>> = {}
          for (const kind of rowKinds) {
            const { values: compact, empty } = withoutEmptyRows(kept, kind)
            kept = compact
            blank[kind] = Math.max(1, empty) + (kind === adding ? 1 : 0)
          }
          return sendPage(reply, await render(name, request, reply, { values: kept, blank }))
        }
        return handleFormPost(reply, {
          values,
          submit: async () => {
            await save(request, slug)
            return `${sectionPath(locale, slug, name)}?done=saved`
          },
          render: (state) => render(name, request, reply, { values, blank: {}, state }),
        })
      })
    }

    const version = (request: SlugRequest) => validateInput(VersionSchema, request.body).version

    section('basics', [], (request, slug) => toolEditing.saveBasics(request.actor, slug, validateInput(BasicsSchema, request.body)))
    // Each section validates its version and all its rows first, so that every problem shows at once.
    section('links', ['link', 'alias'], (request, slug) => {
      const c = validationCollector()
      const [v, links, aliases] = [c.run(() => version(request)), c.run(() => parseRows(request.body, 'link')), c.run(() => parseRows(request.body, 'alias'))]
      c.check()
      return toolEditing.saveLinks(request.actor, slug, v!, links!, aliases!)
    })
    section('sdg', [], (request, slug) => {
      const c = validationCollector()
      const [v, rows] = [c.run(() => version(request)), c.run(() => parseRows(request.body, 'sdg'))]
      c.check()
      return toolEditing.saveSdg(request.actor, slug, v!, rows!)
    })
    section('assessments', [], (request, slug) => {
      const c = validationCollector()
      const [v, rows] = [c.run(() => version(request)), c.run(() => parseRows(request.body, 'assessment'))]
      c.check()
      return toolEditing.saveAssessments(request.actor, slug, v!, rows!)
    })
    section('organisations', ['org'], (request, slug) => {
      const c = validationCollector()
      const [v, rows] = [c.run(() => version(request)), c.run(() => parseRows(request.body, 'org'))]
      c.check()
      return toolEditing.saveOrganisations(request.actor, slug, v!, rows!)
    })
    section('mims', [], (request, slug) => {
      const c = validationCollector()
      const [v, rows] = [c.run(() => version(request)), c.run(() => parseRows(request.body, 'mim'))]
      c.check()
      return toolEditing.saveMims(request.actor, slug, v!, rows!)
    })
    section('pilots', ['pilot'], (request, slug) => {
      const c = validationCollector()
      const [v, rows] = [c.run(() => version(request)), c.run(() => parseRows(request.body, 'pilot'))]
      c.check()
      return toolEditing.savePilots(request.actor, slug, v!, rows!)
    })
  }
}
