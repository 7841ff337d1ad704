// The demonstration's programme in motion (issue 16, decision 0021), written into a database that has the reference
// data and the 74 real tools: fictional partner organisations and accounts, City Deal tools at every step with
// pilots, calls with answers, adoptions, an initiative of others, proposals, two past gatherings with minutes and
// decisions, an upcoming one with an open vote, shared tools waiting in curation, and a month of programme snapshots.
// Deterministic: the same records every time, dated relative to `today` (the day of seeding). `npm run demo` and
// scripts/screenshots.ts both use it.
import type { AppContext } from '../context.ts'
import type { Actor } from '../lib/actor.ts'
import { slugify } from '../lib/slug.ts'
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, demoTools, type DemoAccountKey } from './demo.data.ts'
import { createDemoRepository } from './demo.repository.ts'

export { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, FICTIONAL } from './demo.data.ts'

const DAY_MS = 24 * 3600_000

/** What the demonstration changes in any configuration: the banner on, e-mail only to the outbox (no SMTP). */
export const DEMO_SETTINGS = { DEMO_MODE: true, SMTP_URL: '' } as const

/** Whether this database already holds the demonstration. */
export const isSeeded = (ctx: AppContext) => createDemoRepository(ctx.database.db).seeded(DEMO_ORGANISATIONS[0].slug)

export interface SeedResult {
  /** User ids of the demonstration accounts. */
  users: Record<DemoAccountKey, number>
  /** Addresses worth a first look. */
  paths: { openDecision: string; openCall: string; upcomingGathering: string; pastGathering: string }
}

/** Writes the demonstration; `today` (YYYY-MM-DD, UTC) is the day every date is counted from. */
export async function seedDemo(ctx: AppContext, today: string): Promise<SeedResult> {
  const repo = createDemoRepository(ctx.database.db)
  const base = Date.parse(`${today}T00:00:00Z`)
  const day = (offset: number) => new Date(base + offset * DAY_MS).toISOString().slice(0, 10)
  const at = (offset: number, time: string) => new Date(`${day(offset)}T${time}:00Z`)
  const tools = demoTools(day)
  const snapshot = async (offset: number) => {
    // Counting stores the month's first snapshot while the demo is half written: forgotten, so a visit counts it whole.
    const figures = await ctx.programme.figures()
    await repo.forgetMonthlySnapshotOf(figures.asOf)
    await repo.snapshot(day(offset), { ...figures, asOf: day(offset) })
  }

  // Four weeks ago: the partners, their accounts and the tools that were already under way.
  const [buurtdataOrg, kennislabOrg, collectiefOrg] = DEMO_ORGANISATIONS
  const buurtdata = await repo.partnerOrganisation({ ...buurtdataOrg, since: day(-120) })
  const kennislab = await repo.partnerOrganisation({ ...kennislabOrg, since: day(-120) })
  const collectief = await repo.partnerOrganisation({ ...collectiefOrg, since: day(-120) })
  const user = async (key: DemoAccountKey) => {
    const account = DEMO_ACCOUNTS[key]
    const org = account.organisation
    const organisationId = org === null ? null : 'cbsCode' in org ? await repo.organisationId(org.cbsCode) : await repo.organisationIdBySlug(org.slug)
    return repo.user({ ...account, organisationId })
  }
  const users: Record<DemoAccountKey, number> = { admin: await user('admin'), curator: await user('curator'), breda: await user('breda'), denBosch: await user('denBosch'), buurtdata: await user('buurtdata') }
  const [breda, denBosch, utrecht, eindhoven, rotterdam] = [
    await repo.organisationId('GM0758'),
    await repo.organisationId('GM0796'),
    await repo.organisationId('GM0344'),
    await repo.organisationId('GM0772'),
    await repo.organisationId('GM0599'),
  ]
  const id = { algoritme: await repo.tool(tools.algoritme), sensorregister: await repo.tool(tools.sensorregister), participatie: await repo.tool(tools.participatie), hittestress: await repo.tool(tools.hittestress), retired: await repo.tool(tools.retired) }
  const pdok = await repo.toolId('pdok')
  await repo.assessments([
    { tool_id: id.retired, criterion_code: 'privacy', rating: 'meets', explanation_nl: 'Verwerkt geen persoonsgegevens.', explanation_en: 'Processes no personal data.', assessed_by_organisation_id: utrecht, assessed_on: day(-420) },
    { tool_id: id.retired, criterion_code: 'scalable', rating: 'not_applicable', explanation_nl: 'Eén landelijke voorziening.', explanation_en: 'One national service.' },
  ])
  await repo.retire(id.retired, { retired_on: day(-90), retired_reason_nl: 'Opgegaan in PDOK, dat dezelfde kaarten als open dienst aanbiedt.', retired_reason_en: 'Merged into PDOK, which offers the same maps as an open service.', replaced_by_tool_id: pdok })
  await repo.slugRedirect('oud-voorbeeld', id.retired)
  await repo.adoption({ tool_id: id.sensorregister, organisation_id: collectief, since: day(-90), local_variant_nl: 'Meldt ook de sensoren van de aangesloten woningcorporaties.', local_variant_en: 'Also reports the sensors of the housing associations that take part.' })
  await repo.adoption({ tool_id: id.algoritme, organisation_id: kennislab, since: day(-200) })
  await repo.refreshAll()
  await snapshot(-28)

  // Three weeks ago: new City Deal tools and an initiative of others.
  const later = { deelmobiliteit: await repo.tool(tools.deelmobiliteit), buurtbudget: await repo.tool(tools.buurtbudget), initiatief: await repo.tool(tools.initiatief) }
  await repo.setInvolvement(later.initiatief, rotterdam, 'lead')
  await repo.involvementRequest({ tool_id: later.initiatief, organisation_id: eindhoven, involvement: 'active', note: 'Wij hebben een buurtbatterij in Strijp en willen onze ervaring delen. (fictief)' })
  await repo.call({ tool_id: later.deelmobiliteit, asked_nl: 'Test het kader een half jaar met twee aanbieders. (fictief)', asked_en: 'Test the framework for six months with two providers. (fictional)', municipalities_needed: 3, opens_on: day(-21), closes_on: day(70) })
  await repo.refreshAll()
  await snapshot(-21)

  // Two weeks ago: the Wijkklimaatkaart, adopted at the last gathering, asks for test municipalities.
  const klimaat = await repo.tool(tools.klimaat)
  await repo.call({
    tool_id: klimaat,
    asked_nl: 'Test de kaart een half jaar in twee wijken en deel wat bewoners ervan vinden. (fictief)',
    asked_en: 'Test the map for six months in two neighbourhoods and share what residents think of it. (fictional)',
    effort_nl: 'Een dag per week van een beleidsmedewerker klimaatadaptatie.',
    effort_en: 'One day a week of a climate adaptation policy officer.',
    municipalities_needed: 3,
    opens_on: day(-14),
    closes_on: day(60),
  })
  await ctx.calls.answerPublicly(tools.klimaat.slug, { name: 'Zeno de Wit (fictief)', municipality: 'Zwolle', email: 'z.dewit@zwolle.example', note: 'Wij kunnen over een maand beginnen in Holtenbroek. (fictief)' }, 'nl')
  await ctx.calls.answerPublicly(tools.klimaat.slug, { name: 'Uma Uitert (fictief)', municipality: 'Utrecht', email: 'u.uitert@utrecht.example', note: 'Graag, in Overvecht. (fictief)' }, 'nl')
  await repo.refreshAll()
  await snapshot(-14)

  // Partners deciding together: an adopted proposal at each past gathering, one under an open vote for the coming
  // gathering, one newly submitted.
  const proposal = { locale: 'nl' as const, category: 'content' as const, form: 'method', themes: ['balance_of_power'], sdg_targets: ['11.3'] }
  const hitteProposal = await repo.proposal({ ...proposal, form: 'software', title: 'Hittestress-wijkscan (fictief)', summary: 'Een scan die per straat laat zien waar het te warm wordt.', process_question: 'Waar in de stad wordt het op hete dagen te warm?', proposed_by_organisation_id: buurtdata, proposed_owner_id: await repo.organisationId('GM0200'), status: 'adopted', tool_id: id.hittestress })
  const klimaatProposal = await repo.proposal({ ...proposal, title: 'Wijkklimaatkaart (fictief)', summary: 'Een kaart van hitte en wateroverlast per wijk.', process_question: 'Waar in de wijk is het te heet of te nat?', proposed_by_organisation_id: breda, proposed_owner_id: breda, status: 'adopted', tool_id: klimaat })
  // What members do today goes through the services, as their forms would (audit entries, e-mails in the outbox).
  const as = {
    curator: actor('curator', users.curator, null),
    breda: actor('breda', users.breda, breda),
    buurtdata: actor('buurtdata', users.buurtdata, buurtdata),
  }
  const sharedInput = { category: 'governance' as const, form: 'method', themes: ['balance_of_power'], sdgTargets: ['11.3'], confirmDifferent: 'on' as const }
  const openProposal = (
    await ctx.proposals.propose(as.breda, {
      ...sharedInput,
      locale: 'nl',
      title: 'Buurtdatakompas (fictief)',
      summary: 'Een kompas waarmee bewoners en gemeente samen bepalen welke sensordata in de buurt verzameld worden.',
      processQuestion: 'Hoe beslissen bewoners mee over sensoren in hun buurt?',
      occasion: 'Bewoners vroegen in drie steden wat de nieuwe sensoren meten.',
      proposedOwner: breda,
      municipalities: 'Utrecht\nZwolle',
    })
  ).id
  await ctx.proposals.propose(as.buurtdata, {
    ...sharedInput,
    category: 'content',
    locale: 'en',
    title: 'Open playground sensor data (fictional)',
    summary: 'Playgrounds that publish how busy they are, so parents can choose a quiet one.',
    processQuestion: 'How do we share how busy public places are without tracking people?',
  })
  await ctx.proposals.respond(as.breda, openProposal, { kind: 'will_own' })
  await ctx.proposals.respond(as.buurtdata, openProposal, { kind: 'support' })
  await repo.proposalResponses([{ proposal_id: openProposal, organisation_id: kennislab, kind: 'will_test' }])
  await ctx.proposals.comment(as.buurtdata, openProposal, { body: 'Good idea; our residents asked exactly this at the last street meeting. (fictional)' })
  // A closed vote: most partners voted (the quorum is half of them), in a fixed pattern; the counts are the rows'.
  const partners = await repo.partnerIds()
  const closedVote = async (proposalId: number, toolId: number, opened: number, pattern: readonly ('for' | 'against' | 'abstain' | undefined)[]) => {
    const votes = partners.flatMap((organisationId, i) => {
      const choice = pattern[i % pattern.length]
      return choice ? [{ organisation_id: organisationId, choice }] : []
    })
    const count = (choice: string) => votes.filter((v) => v.choice === choice).length
    const decisionId = await repo.decision({ proposal_id: proposalId, opened_at: at(opened, '10:00'), closed_at: at(opened + 10, '15:00'), outcome: 'adopted', eligible: partners.length, votes_for: count('for'), votes_against: count('against'), votes_abstain: count('abstain'), tool_id: toolId })
    await repo.votes(votes.map((v) => ({ ...v, decision_id: decisionId })))
    return decisionId
  }
  const hitteDecision = await closedVote(hitteProposal, id.hittestress, -110, ['for', 'for', 'abstain', 'for', undefined, 'for', 'against', 'for'])
  const klimaatDecision = await closedVote(klimaatProposal, klimaat, -55, ['for', 'for', 'for', 'abstain', 'for', undefined])
  // Gatherings: two past ones with minutes, attendance and the decision taken there; a coming one with a nested
  // agenda, the open vote's proposal as a decision item, and registrations.
  const gathering = async (offset: number, place: string, titleNl: string, titleEn: string, extra: { minutesNl?: string; minutesEn?: string; onlineUrl?: string }) => {
    const slug = `${slugify(titleNl, 60)}-${day(offset)}`
    const gatheringId = await repo.gathering({ slug, title_nl: nl(titleNl), title_en: en(titleEn), starts_at: at(offset, '12:30'), ends_at: at(offset, '15:30'), place, minutes_nl: extra.minutesNl ?? null, minutes_en: extra.minutesEn ?? null, online_url: extra.onlineUrl ?? null })
    return { id: gatheringId, slug }
  }
  const first = await gathering(-100, "Stadhuis 's-Hertogenbosch, Raadzaal", 'Partneroverleg voorjaar', 'Partner meeting spring', {
    minutesNl: 'De partners bespraken de Hittestress-wijkscan en stemden erover.\n\nBesloten: de scan wordt een City Deal-tool; Apeldoorn is eigenaar. (fictief)',
    minutesEn: 'The partners discussed the Heat stress neighbourhood scan and voted on it.\n\nDecided: the scan becomes a City Deal tool; Apeldoorn owns it. (fictional)',
  })
  const second = await gathering(-45, 'Stadhuis Breda, Raadzaal', 'Partneroverleg zomer', 'Partner meeting summer', {
    minutesNl: 'De partners bespraken de Wijkklimaatkaart en stemden erover.\n\nBesloten: de kaart wordt een City Deal-tool; Breda is eigenaar. (fictief)',
    minutesEn: 'The partners discussed the Neighbourhood climate map and voted on it.\n\nDecided: the map becomes a City Deal tool; Breda owns it. (fictional)',
  })
  const coming = await gathering(21, 'Stadskantoor Utrecht, zaal 3', 'Partneroverleg najaar', 'Partner meeting autumn', { onlineUrl: 'https://meet.example.org/citydeal-demo' })
  for (const [past, proposalId, decisionId, titleNl, titleEn] of [
    [first, hitteProposal, hitteDecision, 'Hittestress-wijkscan', 'Heat stress neighbourhood scan'],
    [second, klimaatProposal, klimaatDecision, 'Wijkklimaatkaart', 'Neighbourhood climate map'],
  ] as const) {
    await repo.agendaItem({ gathering_id: past.id, position: 1, title_nl: 'Opening en mededelingen', title_en: 'Opening and announcements' })
    await repo.agendaItem({ gathering_id: past.id, position: 2, title_nl: titleNl, title_en: titleEn, proposal_id: proposalId })
    await repo.gatheringDocument({ gathering_id: past.id, position: 1, title: `Notitie ${titleNl} (fictief)`, url: `https://example.org/demo/${slugify(titleNl, 40)}.pdf` })
    await repo.attendance([{ gathering_id: past.id, organisation_id: breda }, { gathering_id: past.id, organisation_id: denBosch }, { gathering_id: past.id, organisation_id: buurtdata }, { gathering_id: past.id, organisation_id: kennislab }])
    await repo.setDecisionGathering(decisionId, past.id)
  }
  await repo.agendaItem({ gathering_id: coming.id, position: 1, title_nl: 'Opening', title_en: 'Opening' })
  const voorstellen = await repo.agendaItem({ gathering_id: coming.id, position: 2, title_nl: 'Voorstellen voor nieuwe tools', title_en: 'Proposals for new tools' })
  await repo.agendaItem({ gathering_id: coming.id, position: 3, parent_id: voorstellen, title_nl: 'Buurtdatakompas', title_en: 'Buurtdatakompas', proposal_id: openProposal })
  await repo.agendaItem({ gathering_id: coming.id, position: 4, title_nl: 'Rondvraag', title_en: 'Any other business' })
  const openDecision = (await ctx.decisions.open(as.curator, openProposal, { closesOn: day(21), quorumPercent: 50 }, { gatheringId: coming.id })).id
  await ctx.decisions.vote(as.breda, openDecision, { choice: 'for' })
  // Organisations without a demonstration account vote straight into the table.
  await repo.votes([{ decision_id: openDecision, organisation_id: kennislab, choice: 'for' }, { decision_id: openDecision, organisation_id: collectief, choice: 'against' }])
  await ctx.gatherings.register(as.breda, coming.id, { attendees: [users.breda] })
  await ctx.gatherings.register(as.buurtdata, coming.id, { attendees: [users.buurtdata] })

  // Shared tools waiting in curation: one new, one close to a known tool (PDOK).
  await ctx.submissions.submit(
    { name: 'Wijkdata-dashboard (fictief)', description: 'Fictief voorbeeld: een dashboard waarmee bewoners en gemeente samen de data van hun wijk bekijken en bespreken.', contactEmail: 'bewoner@example.org', websiteUrl: 'https://wijkdata.example.org', ownerName: 'Stichting Buurtdata (fictief)', form: 'software', category: 'content' },
    { locale: 'nl', source: 'form', confirmDifferent: true },
  )
  await ctx.submissions.submit(
    { name: 'PDOK kaartviewer', description: 'Fictief voorbeeld: Publieke Dienstverlening Op de Kaart, geodata van de overheid als open services.', contactEmail: 'kaart@example.org', websiteUrl: 'https://www.pdok.nl/viewer' },
    { locale: 'nl', source: 'form', confirmDifferent: true },
  )
  await repo.adoption({ tool_id: pdok, organisation_id: buurtdata, since: day(-30), local_variant_nl: 'Stichting Buurtdata legt eigen kaartlagen voor groen en water over de PDOK-diensten. (fictief)', local_variant_en: 'Stichting Buurtdata lays its own layers for green and water over the PDOK services. (fictional)', local_url: 'https://buurtdata.example.org/kaarten' })
  await repo.refreshAll()
  await snapshot(-7)

  return {
    users,
    paths: { openDecision: `/decisions/${openDecision}`, openCall: `/tools/${tools.klimaat.slug}/call`, upcomingGathering: `/gatherings/${coming.slug}`, pastGathering: `/gatherings/${second.slug}` },
  }
}

/** A demonstration account as the services see a signed-in member. */
function actor(key: DemoAccountKey, id: number, organisationId: number | null): Actor {
  const { email, name, role, locale } = DEMO_ACCOUNTS[key]
  return { kind: 'user', id, email, name, role, organisationId, locale, sessionId: 'demonstration-seed' }
}

const nl = (title: string) => `${title} (fictief)`
const en = (title: string) => `${title} (fictional)`
