// Screenshots of pages as a person sees them, at 1280 and 390 px wide, in Debian's Chromium: for looking at what
// you build before calling it done. The app runs in memory (the test database with the reference data and the 74
// real tools), signed in as the role you ask for, with a few shared tools waiting in curation.
//
//   npx tsx scripts/screenshots.ts [--as admin|curator|partner|anonymous] [--out DIR] [--print] PATH [PATH ...]
//   e.g. npx tsx scripts/screenshots.ts --as curator /curation /curation/1 '/curation/1/merge?target=pdok'
//
// Besides the seed, the app has one retired tool that is partly assessed and replaced by PDOK, at
// /tools/voorbeeld-buiten-gebruik (its old address /tools/oud-voorbeeld answers 301); City Deal tools at each stage
// of /tools/pipeline with pilots, an open call and a dated lifecycle (e.g. /tools/participatiewijzer-sensoren); and
// Utrecht and Almere using PDOK (/tools?usedby=GM0344). --print also renders each
// page as the print style sheet shows it (DIR/<name>-print.png).
//
// Each PATH gives DIR/<name>-1280.png and DIR/<name>-390.png (full page), and the script prints whether the page
// scrolls sideways at either width.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { chromium } from 'playwright-core'
import { CHROMIUM } from '../e2e/browser.ts'
import { addAssessments, addSlugRedirect, createTool, createUser, organisationByCbs, retireTool } from '../test/factories.ts'
import { buildTestApp } from '../test/helper.ts'
import { sessionCookie } from '../test/http.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { as: { type: 'string', default: 'admin' }, out: { type: 'string', default: 'e2e/out/shots' }, print: { type: 'boolean', default: false } },
})
const role = values.as as 'admin' | 'curator' | 'partner' | 'anonymous'
if (positionals.length === 0 || !['admin', 'curator', 'partner', 'anonymous'].includes(role)) {
  console.error('Usage: npx tsx scripts/screenshots.ts [--as admin|curator|partner|anonymous] [--out DIR] PATH [PATH ...]')
  process.exit(2)
}
mkdirSync(values.out!, { recursive: true })

const server = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
const db = server.database.handle.db
const submissions = server.app.appContext.submissions
// Shared tools waiting in curation: one new, one close to a known tool, one addition to a tool.
await submissions.submit(
  { name: 'Wijkdata-dashboard', description: 'Een dashboard waarmee bewoners en gemeente samen de data van hun wijk bekijken en bespreken.', contactEmail: 'bewoner@example.org', websiteUrl: 'https://wijkdata.example.org', ownerName: 'Gemeente Voorbeeld', form: 'software', category: 'content' },
  { locale: 'nl', source: 'form', confirmDifferent: true },
)
await submissions.submit(
  { name: 'PDOK kaartviewer', description: 'Publieke Dienstverlening Op de Kaart: geodata van de overheid als open services.', contactEmail: 'kaart@example.org', websiteUrl: 'https://www.pdok.nl/viewer' },
  { locale: 'nl', source: 'form', confirmDifferent: true },
)
// A retired tool, partly assessed, with its successor and an old address.
const utrecht = await organisationByCbs(db, 'GM0344')
const pdok = await db.selectFrom('tools').select('id').where('slug', '=', 'pdok').executeTakeFirstOrThrow()
const retired = await createTool(db, {
  slug: 'voorbeeld-buiten-gebruik',
  name_nl: 'Voorbeeld buiten gebruik',
  name_en: 'Retired example',
  form: 'software',
  municipalities: [{ cbsCode: 'GM0344', role: 'owner' }, { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'passed', resultNl: 'Werkte goed.' }],
})
await addAssessments(db, retired.id, [
  { criterion: 'privacy', rating: 'meets', explanationNl: 'Verwerkt geen persoonsgegevens; de DPIA is openbaar.', explanationEn: 'Processes no personal data; the DPIA is public.', evidenceUrl: 'https://example.org/voorbeeld/dpia-2026-03-openbare-versie.pdf', assessedBy: utrecht.id, assessedOn: '2026-03-03' },
  { criterion: 'scalable', rating: 'not_applicable', explanationNl: 'Eén landelijke voorziening.' },
  { criterion: 'designed_for_flexibility', rating: 'partly', assessedOn: '2026-02-10' },
])
await retireTool(db, retired.id, { on: '2026-06-30', reasonNl: 'Opgegaan in PDOK, dat dezelfde kaarten als open dienst aanbiedt.', replacedBy: pdok.id })
await addSlugRedirect(db, 'oud-voorbeeld', retired.id)
// City Deal tools on their way (the pipeline, /tools/pipeline): at each stage, with owners, pilots, an open call and a
// dated lifecycle; and municipalities that use PDOK (the "used by" facet).
const pipelineTool = async (slug: string, nl: string, en: string, status: string, input: Parameters<typeof createTool>[1], history: [string, string][]) => {
  const tool = await createTool(db, { slug, name_nl: nl, name_en: en, status, origin: 'city_deal', form: 'method', ...input })
  for (const [changed, on] of history) await db.insertInto('tool_status_changes').values({ tool_id: tool.id, status: changed, changed_on: on, changed_at: new Date(`${on}T12:00:00Z`) }).execute()
  return tool
}
const klimaat = await pipelineTool('wijkklimaatkaart', 'Wijkklimaatkaart', 'Neighbourhood climate map', 'idea', { municipalities: [{ cbsCode: 'GM0758', role: 'owner' }] }, [['idea', '2026-09-14']])
// A call with answers (at /tools/wijkklimaatkaart/call): one from a member, one through the public form.
const klimaatCall = await db
  .insertInto('tool_calls')
  .values({
    tool_id: klimaat.id,
    asked_nl: 'Test de kaart een half jaar in twee wijken en deel wat bewoners ervan vinden.',
    asked_en: 'Test the map for six months in two neighbourhoods and share what residents think of it.',
    effort_nl: 'Een dag per week van een beleidsmedewerker klimaatadaptatie.',
    effort_en: 'One day a week of a climate adaptation policy officer.',
    municipalities_needed: 3,
    opens_on: '2026-11-02',
    closes_on: '2099-02-28',
  })
  .returning('id')
  .executeTakeFirstOrThrow()
const zwolle = await organisationByCbs(db, 'GM0193')
await db.insertInto('call_answers').values({ call_id: klimaatCall.id, municipality_id: zwolle.id, source: 'public', contact_name: 'Zeno de Wit', contact_email: 'z.dewit@zwolle.example', note: 'Wij kunnen in februari beginnen in Holtenbroek.' }).execute()
const deel = await pipelineTool(
  'deelmobiliteit-afsprakenkader',
  'Afsprakenkader deelmobiliteit',
  'Shared mobility agreement framework',
  'selected',
  { form: 'agreement', municipalities: [{ cbsCode: 'GM0758', role: 'owner' }, { cbsCode: 'GM0344', role: 'test_municipality' }, { cbsCode: 'GM0772', role: 'test_municipality' }] },
  [['idea', '2026-02-02'], ['proposed', '2026-04-20'], ['selected', '2026-06-11']],
)
await db.insertInto('tool_calls').values({ tool_id: deel.id, asked_nl: 'Test het kader een half jaar met twee aanbieders.', municipalities_needed: 1, opens_on: '2026-10-01', closes_on: '2099-03-31' }).execute()
await pipelineTool(
  'hittestress-wijkscan',
  'Hittestress-wijkscan',
  'Heat stress neighbourhood scan',
  'in_development',
  { form: 'software', municipalities: [{ cbsCode: 'GM0200', role: 'owner' }, { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'running' }, { cbsCode: 'GM0193', role: 'test_municipality' }, { cbsCode: 'GM0855', role: 'test_municipality' }] },
  [['idea', '2025-11-03'], ['selected', '2026-01-15'], ['in_development', '2026-05-04']],
)
await pipelineTool(
  'participatiewijzer-sensoren',
  'Participatiewijzer sensoren',
  'Participation guide for sensors',
  'testing',
  {
    form: 'guideline',
    municipalities: [
      { cbsCode: 'GM0796', role: 'owner' },
      { cbsCode: 'GM0344', role: 'test_municipality', testStatus: 'passed', resultNl: 'Bewoners begrepen de sensoren beter.', testedOn: '2026-09-30' },
      { cbsCode: 'GM0034', role: 'test_municipality', testStatus: 'inconclusive', testedOn: '2026-10-15' },
      { cbsCode: 'GM0599', role: 'test_municipality', testStatus: 'running' },
    ],
  },
  [['idea', '2025-03-10'], ['proposed', '2025-05-01'], ['selected', '2025-06-20'], ['in_development', '2025-09-01'], ['testing', '2026-04-01']],
)
for (const cbsCode of ['GM0034']) {
  await db.insertInto('adoptions').values({ tool_id: pdok.id, organisation_id: (await organisationByCbs(db, cbsCode)).id, since: '2024-01-01' }).execute()
}
// An initiative of others (Amsterdam organises, Rotterdam leads) that Eindhoven asks to join, at
// /tools/voorbeeld-initiatief; Utrecht records that it uses PDOK, with its own variant.
const initiative = await createTool(db, {
  slug: 'voorbeeld-initiatief',
  name_nl: 'Voorbeeldinitiatief buurtenergie',
  name_en: 'Example neighbourhood energy initiative',
  origin: 'others_initiative',
  municipalities: [{ cbsCode: 'GM0363', role: 'organising_party' }, { cbsCode: 'GM0599', role: 'partner' }],
})
const [rotterdam, eindhoven] = [await organisationByCbs(db, 'GM0599'), await organisationByCbs(db, 'GM0772')]
await db.updateTable('tool_organisations').set({ involvement: 'lead' }).where('tool_id', '=', initiative.id).where('organisation_id', '=', rotterdam.id).execute()
await db.insertInto('involvement_requests').values({ tool_id: initiative.id, organisation_id: eindhoven.id, involvement: 'active', note: 'Wij hebben een buurtbatterij in Strijp en willen onze ervaring delen.' }).execute()
await db
  .insertInto('adoptions')
  .values({ tool_id: pdok.id, organisation_id: utrecht.id, since: '2024-05-01', tool_version: '4.2', local_variant_nl: 'Utrecht voegt eigen kaartlagen voor groen en water toe aan de PDOK-diensten.', local_url: 'https://utrecht.example.org/kaarten' })
  .execute()
await sql`select tool_refresh_derived(array(select id from tools))`.execute(db)
// Partners deciding together: Utrecht (the partner's organisation) is a partner; a proposal with responses and
// comments under an open vote (/proposals/1, /decisions/1), and an adopted one that started the Wijkklimaatkaart
// (/decisions/2); gatherings below.
await db.insertInto('partnerships').values({ organisation_id: utrecht.id, since: '2026-02-01' }).execute()
const breda = await organisationByCbs(db, 'GM0758')
const proposalValues = { locale: 'nl' as const, category: 'governance' as const, form: 'method', proposed_by_organisation_id: breda.id, themes: ['balance_of_power'], sdg_targets: ['11.3'] }
const [openProposal, adoptedProposal] = [
  await db.insertInto('proposals').values({ ...proposalValues, title: 'Buurtdatakompas', summary: 'Een kompas waarmee bewoners en gemeente samen bepalen welke sensordata in de buurt verzameld worden.', process_question: 'Hoe beslissen bewoners mee over sensoren in hun buurt?', occasion: 'Bewoners vroegen in drie steden wat de nieuwe sensoren meten.', proposed_owner_id: breda.id, status: 'on_agenda' }).returning('id').executeTakeFirstOrThrow(),
  await db.insertInto('proposals').values({ ...proposalValues, title: 'Wijkklimaatkaart', summary: 'Een kaart van hitte en wateroverlast per wijk.', process_question: 'Waar in de wijk is het te heet of te nat?', status: 'adopted', tool_id: klimaat.id }).returning('id').executeTakeFirstOrThrow(),
]
await db.insertInto('proposal_municipalities').values([{ proposal_id: openProposal.id, municipality_id: utrecht.id }, { proposal_id: openProposal.id, municipality_id: zwolle.id }]).execute()
await db.insertInto('proposal_responses').values([{ proposal_id: openProposal.id, organisation_id: utrecht.id, kind: 'will_test' }, { proposal_id: openProposal.id, organisation_id: breda.id, kind: 'will_own' }]).execute()
await db.insertInto('proposal_comments').values({ proposal_id: openProposal.id, body: 'Goed idee; wij hebben ervaring met het sensorregister.', locale: 'nl', organisation_id: utrecht.id }).execute()
const openDecision = await db.insertInto('decisions').values({ proposal_id: openProposal.id, closes_at: new Date('2099-01-31T23:00:00Z') }).returning('id').executeTakeFirstOrThrow()
await db.insertInto('decision_votes').values({ decision_id: openDecision.id, organisation_id: breda.id, choice: 'for' }).execute()
const closedDecision = await db
  .insertInto('decisions')
  .values({ proposal_id: adoptedProposal.id, closed_at: new Date('2026-10-01T15:00:00Z'), outcome: 'adopted', eligible: 3, votes_for: 2, votes_against: 0, votes_abstain: 1, tool_id: klimaat.id })
  .returning('id')
  .executeTakeFirstOrThrow()
await db.insertInto('decision_votes').values([{ decision_id: closedDecision.id, organisation_id: breda.id, choice: 'for' }, { decision_id: closedDecision.id, organisation_id: utrecht.id, choice: 'abstain' }]).execute()
// Gatherings (/gatherings): a past one with minutes, attendance, documents and the decision taken there
// (/gatherings/partneroverleg-oktober-2026-10-01), and a coming one with a nested agenda, the open vote's proposal as a
// decision item and registrations (/gatherings/partneroverleg-januari-2099-01-20).
const pastGathering = await db
  .insertInto('gatherings')
  .values({
    slug: 'partneroverleg-oktober-2026-10-01',
    title_nl: 'Partneroverleg oktober',
    title_en: 'Partner meeting October',
    starts_at: new Date('2026-10-01T12:00:00Z'),
    ends_at: new Date('2026-10-01T15:00:00Z'),
    place: 'Stadhuis Breda, Raadzaal; Claudius Prinsenlaan 10, Breda',
    minutes_nl: 'De partners bespraken de Wijkklimaatkaart en stemden erover.\n\nBesloten: de kaart wordt een City Deal-tool; Breda is eigenaar.',
    minutes_en: 'The partners discussed the Neighbourhood climate map and voted on it.\n\nDecided: the map becomes a City Deal tool; Breda owns it.',
  })
  .returning('id')
  .executeTakeFirstOrThrow()
await db.insertInto('gathering_agenda_items').values([
  { gathering_id: pastGathering.id, position: 1, title_nl: 'Opening en mededelingen', title_en: 'Opening and announcements' },
  { gathering_id: pastGathering.id, position: 2, title_nl: 'Wijkklimaatkaart', title_en: 'Neighbourhood climate map', proposal_id: adoptedProposal.id },
]).execute()
await db.insertInto('gathering_documents').values({ gathering_id: pastGathering.id, position: 1, title: 'Notitie Wijkklimaatkaart', url: 'https://example.org/wijkklimaatkaart-notitie.pdf' }).execute()
await db.insertInto('gathering_attendance').values([{ gathering_id: pastGathering.id, organisation_id: breda.id }, { gathering_id: pastGathering.id, organisation_id: utrecht.id }]).execute()
await db.updateTable('decisions').set({ gathering_id: pastGathering.id }).where('id', '=', closedDecision.id).execute()
const comingGathering = await db
  .insertInto('gatherings')
  .values({
    slug: 'partneroverleg-januari-2099-01-20',
    title_nl: 'Partneroverleg januari',
    title_en: 'Partner meeting January',
    starts_at: new Date('2099-01-20T12:30:00Z'),
    ends_at: new Date('2099-01-20T15:30:00Z'),
    place: 'Stadskantoor Utrecht, zaal 3',
    online_url: 'https://meet.example.org/citydeal-januari',
  })
  .returning('id')
  .executeTakeFirstOrThrow()
const [opening, voorstellen] = [
  await db.insertInto('gathering_agenda_items').values({ gathering_id: comingGathering.id, position: 1, title_nl: 'Opening', title_en: 'Opening' }).returning('id').executeTakeFirstOrThrow(),
  await db.insertInto('gathering_agenda_items').values({ gathering_id: comingGathering.id, position: 2, title_nl: 'Voorstellen voor nieuwe tools', title_en: 'Proposals for new tools' }).returning('id').executeTakeFirstOrThrow(),
]
void opening
await db.insertInto('gathering_agenda_items').values([
  { gathering_id: comingGathering.id, position: 3, parent_id: voorstellen.id, title_nl: 'Buurtdatakompas', title_en: 'Buurtdatakompas', proposal_id: openProposal.id },
  { gathering_id: comingGathering.id, position: 4, parent_id: voorstellen.id, title_nl: 'Ideeën voor 2099', title_en: 'Ideas for 2099' },
  { gathering_id: comingGathering.id, position: 5, title_nl: 'Rondvraag', title_en: 'Any other business' },
]).execute()
await db.updateTable('decisions').set({ gathering_id: comingGathering.id }).where('id', '=', openDecision.id).execute()
const attendee = await createUser(db, { role: 'partner', organisationId: utrecht.id, name: 'Ute van Utrecht' })
await db.insertInto('gathering_registrations').values({ gathering_id: comingGathering.id, user_id: attendee.id, organisation_id: utrecht.id }).execute()
const user = role === 'anonymous' ? undefined : await createUser(db, { role, ...(role === 'partner' ? { organisationId: utrecht.id } : {}) })
const cookie = user ? await sessionCookie(db, user.id) : undefined

await server.app.listen({ port: 0, host: '127.0.0.1' })
const { port } = server.app.server.address() as { port: number }
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const path of positionals) {
    const name = path.replace(/^\/+/, '').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '') || 'home'
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      if (cookie) {
        const [key, value] = cookie.split('=')
        await context.addCookies([{ name: key!, value: value!, domain: '127.0.0.1', path: '/' }])
      }
      const page = await context.newPage()
      const response = await page.goto(`http://127.0.0.1:${port}${path}`)
      const file = join(values.out!, `${name}-${width}.png`)
      await page.screenshot({ path: file, fullPage: true })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      console.log(`${response?.status()} ${path} @${width}: ${file}${overflow > 0 ? ` (scrolls sideways by ${overflow} px)` : ''}`)
      if (values.print && width === 1280) {
        await page.emulateMedia({ media: 'print' })
        const printFile = join(values.out!, `${name}-print.png`)
        await page.screenshot({ path: printFile, fullPage: true })
        console.log(`   print: ${printFile}`)
      }
      await context.close()
    }
  }
} finally {
  await browser.close()
  await server.close()
}
