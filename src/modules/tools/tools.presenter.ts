import { isMessageKey, label, translate } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { gateReasonText } from './tools.gate.ts'
import { gateOutlook, reasonsAsText } from './tools.outlook.ts'
import type { Municipality, ReferenceData } from '../reference/reference.service.ts'
import { FACETS, LICENCE_NOT_APPLICABLE_FORMS, PILOT_STATUSES, type Facet } from './tools.constants.ts'
import type { SearchRow } from './tools.repository.ts'
import type { CatalogueResult, ToolDetails } from './tools.service.ts'

/** A text in the language asked for, or visibly in the other language when no translation exists. */
export interface LocalizedText {
  text: string
  lang: Locale
  fallback: boolean
}

export function localized(nl: string | null | undefined, en: string | null | undefined, locale: Locale): LocalizedText | undefined {
  const wanted = locale === 'nl' ? nl : en
  if (wanted) return { text: wanted, lang: locale, fallback: false }
  const other = locale === 'nl' ? en : nl
  if (other) return { text: other, lang: locale === 'nl' ? 'en' : 'nl', fallback: true }
  return undefined
}

/** The human label of a facet value in a locale. */
export function facetValueLabel(facet: Facet, value: string, locale: Locale, reference: ReferenceData): string {
  switch (facet) {
    case 'form': {
      const form = reference.formsByCode.get(value)
      return form ? (locale === 'nl' ? form.name_nl : form.name_en) : value
    }
    case 'theme':
    case 'principle': {
      const c = reference.criteriaByCode.get(value)
      return c ? (locale === 'nl' ? c.name_nl : c.name_en) : value
    }
    case 'sdg': {
      const s = reference.sdgTargets.find((t) => t.code === value)
      return s ? `${s.code} ${locale === 'nl' ? s.title_nl : s.title_en}` : value
    }
    case 'municipality':
    case 'usedby':
      return reference.municipalities.get(value)?.label ?? value
    case 'mim': {
      const m = reference.mims.find((x) => x.code === value)
      return m ? (locale === 'nl' ? m.name_nl : m.name_en) : value
    }
    default:
      return label(locale, facet, value)
  }
}

function facetOrder(facet: Facet, reference: ReferenceData): (value: string) => number {
  if (facet === 'form') return (v) => reference.formsByCode.get(v)?.position ?? 99
  if (facet === 'sdg') return (v) => reference.sdgTargets.findIndex((s) => s.code === v)
  if (facet === 'mim') return (v) => reference.mims.find((m) => m.code === v)?.position ?? 99
  if (facet === 'theme' || facet === 'principle') return (v) => reference.criteriaByCode.get(v)?.position ?? 99
  return () => 0
}

export interface FacetView {
  facet: Facet
  label: string
  values: { value: string; label: string; count: number; selected: boolean }[]
}

/**
 * Each municipality's place in alphabetical order of its label, per locale: sorting a few hundred labels with the
 * locale's collation on every search page took about a fifth of the page's time. An administrator's rename reloads
 * the municipalities as new objects into the same map (reloadMunicipalities), so the order is made again when the
 * map no longer holds the objects it was made from.
 */
const municipalityRanks = new WeakMap<ReferenceData, Map<Locale, { ranks: Map<string, number>; of: Map<string, Municipality> }>>()
function municipalityRank(reference: ReferenceData, locale: Locale, codes: readonly string[]): Map<string, number> {
  let perLocale = municipalityRanks.get(reference)
  if (!perLocale) municipalityRanks.set(reference, (perLocale = new Map()))
  const known = perLocale.get(locale)
  const current = known && known.of.size === reference.municipalities.size && codes.every((c) => known.of.get(c) === reference.municipalities.get(c))
  if (known && current) return known.ranks
  const sorted = [...reference.municipalities.entries()].sort((a, b) => a[1].label.localeCompare(b[1].label, locale))
  const made = { ranks: new Map(sorted.map(([code], i) => [code, i])), of: new Map(reference.municipalities) }
  perLocale.set(locale, made)
  return made.ranks
}

/** Facets with labels, in a stable order: vocabulary order where there is one, otherwise by count then label. */
export function presentFacets(result: CatalogueResult, locale: Locale, reference: ReferenceData): FacetView[] {
  return FACETS.map((facet) => {
    const order = facetOrder(facet, reference)
    const byLabel = facet === 'municipality' || facet === 'usedby' ? municipalityRank(reference, locale, result.facets[facet].map((f) => f.value)) : undefined
    const values = result.facets[facet]
      .map((f) => ({ ...f, label: facetValueLabel(facet, f.value, locale, reference) }))
      .sort((a, b) => {
        if (!byLabel) return order(a.value) - order(b.value) || b.count - a.count || a.label.localeCompare(b.label, locale)
        // A code the reference data does not know (its label is the code) goes after the known ones.
        const [ra, rb] = [byLabel.get(a.value), byLabel.get(b.value)]
        return ra !== undefined && rb !== undefined ? ra - rb : ra !== undefined ? -1 : rb !== undefined ? 1 : a.label.localeCompare(b.label, locale)
      })
    return { facet, label: translate(locale, `facet.${facet}`), values }
  })
}

/** One tool in a result list, for pages and the API. */
export function presentListItem(row: SearchRow, locale: Locale, reference: ReferenceData) {
  return {
    slug: row.slug,
    name: localized(row.name_nl, row.name_en, locale)!,
    description: localized(row.description_nl, row.description_en, locale),
    category: { code: row.category, label: label(locale, 'category', row.category) },
    form: { code: row.form, label: facetValueLabel('form', row.form, locale, reference) },
    status: { code: row.status, label: label(locale, 'status', row.status) },
    origin: { code: row.origin, label: label(locale, 'origin', row.origin) },
    updatedAt: row.updated_at,
  }
}
export type ListItemView = ReturnType<typeof presentListItem>

/**
 * Who changed a tool, as the public may read it: the organisation of a partner, "the toolbox curators" for anyone
 * acting as curator or administrator (and for older entries of a user that recorded no role: only curators changed
 * tools then), "the toolbox" for the system. Never a person.
 */
function historyActor(h: ToolDetails['history'][number], locale: Locale): string {
  if (h.actor_role === 'partner' && h.organisation_name) return h.organisation_name
  if (h.actor_role !== null || h.actor_user_id !== null) return translate(locale, 'tool.history.byCurators')
  return translate(locale, 'tool.history.bySystem')
}

/** Everything a tool page and the API resource show, with labels in one language. */
export function presentTool(details: ToolDetails, locale: Locale, reference: ReferenceData) {
  const { tool } = details
  const form = reference.formsByCode.get(tool.form)
  const criteria = (family: 'principle' | 'rathenau' | 'precondition') =>
    reference.criteria
      .filter((c) => c.family === family)
      .map((c) => {
        const a = details.assessments.find((x) => x.criterion_code === c.code)
        return {
          code: c.code,
          label: locale === 'nl' ? c.name_nl : c.name_en,
          rating: { code: a?.rating ?? 'unknown', label: label(locale, 'rating', a?.rating ?? 'unknown') },
          explanation: localized(a?.explanation_nl, a?.explanation_en, locale),
          evidenceUrl: a?.evidence_url ?? null,
          assessedBy: a?.assessor_slug && a.assessor_name ? { slug: a.assessor_slug, name: a.assessor_name } : null,
          assessedOn: a?.assessed_on ?? null,
        }
      })
  const outlook = gateOutlook(
    {
      origin: tool.origin,
      owners: details.organisations.filter((o) => o.role === 'owner').map((o) => ({ name: o.name, isPartner: o.is_city_deal_partner })),
      pilots: details.pilots.map((p) => ({ municipality: p.municipality_name, status: p.status, outcome: p.outcome })),
    },
    tool.status,
  )
  const organisation = (o: Omit<ToolDetails['organisations'][number], 'is_city_deal_partner'>) => ({
    slug: o.slug,
    name: o.name,
    kind: { code: o.kind, label: label(locale, 'kind', o.kind) },
    cbsCode: o.cbs_code,
    role: { code: o.role, label: label(locale, 'role', o.role) },
    involvement: o.involvement ? { code: o.involvement, label: label(locale, 'involvement', o.involvement) } : null,
  })
  return {
    slug: tool.slug,
    name: localized(tool.name_nl, tool.name_en, locale)!,
    description: localized(tool.description_nl, tool.description_en, locale),
    processQuestion: localized(tool.process_question_nl, tool.process_question_en, locale),
    occasion: localized(tool.occasion_nl, tool.occasion_en, locale),
    category: { code: tool.category, label: label(locale, 'category', tool.category) },
    form: {
      code: tool.form,
      label: form ? (locale === 'nl' ? form.name_nl : form.name_en) : tool.form,
      bindingLevel: form ? { code: form.binding_level, label: label(locale, 'binding', form.binding_level) } : null,
      bindingForce: form ? (locale === 'nl' ? form.binding_nl : form.binding_en) : null,
    },
    status: { code: tool.status, label: label(locale, 'status', tool.status) },
    origin: { code: tool.origin, label: label(locale, 'origin', tool.origin) },
    processes: details.processes.map((p) => ({ code: p.process, label: label(locale, 'process', p.process) })),
    licence: tool.licence,
    /** Set by an editor, or implied by the form (laws, ordinances, norms, agreements) when no licence is recorded. */
    licenceNotApplicable: tool.licence_not_applicable || (!tool.licence && LICENCE_NOT_APPLICABLE_FORMS.has(tool.form)),
    languages: tool.languages.map((code) => ({ code, label: label(locale, 'language', code) })),
    website: tool.website_url,
    aliases: details.aliases.map((a) => a.alias),
    aliasDetails: details.aliases.map((a) => ({ alias: a.alias, kind: a.kind, language: a.language })),
    organisations: details.organisations.map(organisation),
    /** The pilots as the first API version described test municipalities (kept for its clients; see pilots). */
    testMunicipalities: details.pilots
      .filter((p) => p.status !== 'withdrawn')
      .map((p) => {
        const testStatus = legacyTestStatus(p.status, p.outcome)
        return {
          ...organisation({ slug: p.municipality_slug, name: p.municipality_name, kind: 'municipality', cbs_code: p.municipality_cbs_code, role: 'test_municipality', involvement: null }),
          testStatus: { code: testStatus, label: label(locale, 'testStatus', testStatus) },
          result: localized(p.lessons_nl, p.lessons_en, locale),
          testedOn: p.completed_on,
        }
      }),
    pilots: details.pilots.map((p) => ({
      municipality: { slug: p.municipality_slug, name: p.municipality_name, cbsCode: p.municipality_cbs_code },
      status: { code: p.status, label: label(locale, 'pilotStatus', p.status) },
      committedOn: p.committed_on,
      startedOn: p.started_on,
      completedOn: p.completed_on,
      tested: localized(p.tested_nl, p.tested_en, locale),
      outcome: p.outcome ? { code: p.outcome, label: label(locale, 'pilotOutcome', p.outcome) } : null,
      lessons: localized(p.lessons_nl, p.lessons_en, locale),
      evidenceUrl: p.evidence_url,
    })),
    adoptions: details.adoptions.map((a) => ({
      organisation: {
        slug: a.organisation_slug,
        name: a.organisation_name,
        kind: { code: a.organisation_kind, label: label(locale, 'kind', a.organisation_kind) },
        cbsCode: a.organisation_cbs_code,
      },
      since: a.since,
      version: a.tool_version,
      localVariant: localized(a.local_variant_nl, a.local_variant_en, locale),
      localUrl: a.local_url,
    })),
    /** The open call for test municipalities: what is asked, the period, and how many municipalities it still wants. */
    call: details.openCall
      ? {
          asked: localized(details.openCall.asked_nl, details.openCall.asked_en, locale),
          effort: localized(details.openCall.effort_nl, details.openCall.effort_en, locale),
          opensOn: details.openCall.opens_on,
          closesOn: details.openCall.closes_on,
          municipalitiesNeeded: details.openCall.municipalities_needed,
          municipalitiesAccepted: details.openCall.accepted,
          municipalitiesStillNeeded: Math.max(0, details.openCall.municipalities_needed - details.openCall.accepted),
        }
      : null,
    /** The partners' decision that started the tool, if it was started that way. */
    startedBy: details.startedBy ? { id: details.startedBy.id, title: details.startedBy.proposal_title, lang: details.startedBy.proposal_locale } : null,
    /** The status changes, oldest first; the last one is the current status when it matches the tool's. */
    lifecycle: details.statusChanges.map((c, i, all) => ({
      status: { code: c.status, label: label(locale, 'status', c.status) },
      on: c.changed_on,
      current: i === all.length - 1 && c.status === tool.status,
    })),
    gate: {
      applies: outlook.applies,
      needed: outlook.needed,
      committed: outlook.committed.length,
      completed: outlook.completed.length,
      next: outlook.next ? { code: outlook.next, label: label(locale, 'status', outlook.next) } : null,
      missing: reasonsAsText(locale, outlook.missing),
      unmet: reasonsAsText(locale, outlook.unmet),
    },
    /** What a City Deal tool at its status still lacks of the City Deal's rule (tools that passed before the gate). */
    gateNotes: outlook.unmet.map((reason) => gateReasonText(locale, reason)),
    /** Organisations involved in the tool beside its owner and co-developers: the organiser of an initiative of others, and partners. */
    involvements: details.organisations.filter((o) => o.role === 'organising_party' || o.role === 'partner').map(organisation),
    counts: {
      pilots: Object.fromEntries(PILOT_STATUSES.map((status) => [status, details.pilots.filter((p) => p.status === status).length])) as Record<(typeof PILOT_STATUSES)[number], number>,
      adoptions: details.adoptions.length,
    },
    sdgTargets: details.sdg.map((s) => ({
      code: s.target_code,
      label: facetValueLabel('sdg', s.target_code, locale, reference),
      contribution: localized(s.contribution_nl, s.contribution_en, locale),
    })),
    themes: details.themes.map((th) => ({ code: th.criterion_code, label: facetValueLabel('theme', th.criterion_code, locale, reference) })),
    assessment: {
      /** Whether any criterion has a verdict; "unknown" rows are placeholders, not verdicts. */
      assessed: details.assessments.some((a) => a.rating !== 'unknown'),
      criteriaCount: reference.criteria.length,
      principles: criteria('principle'),
      rathenau: criteria('rathenau'),
      preconditions: criteria('precondition'),
    },
    retired:
      tool.status === 'retired'
        ? {
            on: tool.retired_on,
            reason: localized(tool.retired_reason_nl, tool.retired_reason_en, locale),
            replacedBy: details.successor ? { slug: details.successor.slug, name: localized(details.successor.name_nl, details.successor.name_en, locale)! } : null,
          }
        : null,
    links: details.links.map((l) => ({ kind: l.kind, url: l.url, title: localized(l.title_nl, l.title_en, locale), language: l.language })),
    related: details.related.map((r) => presentListItem(r, locale, reference)),
    similar: details.similar.map((r) => presentListItem(r, locale, reference)),
    history: details.history.map((h) => ({
      at: h.occurred_at,
      // An action without a label of its own (a newer one) still reads as a sentence.
      action: isMessageKey(`history.${h.action}`) ? label(locale, 'history', h.action) : translate(locale, 'history.tool.updated'),
      by: historyActor(h, locale),
    })),
    version: tool.version,
    startedOn: tool.started_on,
    availableOn: tool.available_on,
    createdAt: tool.created_at,
    updatedAt: tool.updated_at,
  }
}
export type ToolView = ReturnType<typeof presentTool>

/** A pilot's stage in the words of the first API version's test municipalities. */
function legacyTestStatus(status: string, outcome: string | null): string {
  if (status === 'completed') return outcome === 'worked' ? 'passed' : outcome === 'did_not_work' ? 'failed' : 'inconclusive'
  return status === 'running' ? 'running' : 'planned'
}
