// What the demonstration is made of (decision 0021): fictional organisations, accounts and City Deal tools. Every
// fictional record says so in its own name or title: "(fictief)" in Dutch, "(fictional)" in English, so pages, feeds,
// exports and the API show it without knowing about the demonstration. Days are offsets from the day of seeding.
import type { DemoTool } from './demo.repository.ts'

/** Marks a fictional name in each language. */
export const FICTIONAL = { nl: '(fictief)', en: '(fictional)' } as const
const nl = (name: string) => `${name} ${FICTIONAL.nl}`
const en = (name: string) => `${name} ${FICTIONAL.en}`
/** An organisation has one name: it says it in both languages. */
const both = (name: string) => `${name} (fictief / fictional)`

/** Fictional partner organisations beside the real ones; the first one also marks a seeded demonstration. */
export const DEMO_ORGANISATIONS = [
  { slug: 'stichting-buurtdata-fictief', name: both('Stichting Buurtdata'), kind: 'civil_society', websiteUrl: 'https://buurtdata.example.org' },
  { slug: 'kennislab-slimme-stad-fictief', name: both('Kennislab Slimme Stad'), kind: 'knowledge_institution', websiteUrl: 'https://kennislab.example.org' },
  { slug: 'datacollectief-zuid-fictief', name: both('Datacollectief Zuid'), kind: 'network', websiteUrl: 'https://datacollectief.example.org' },
] as const

export type DemoAccountKey = 'admin' | 'curator' | 'breda' | 'denBosch' | 'buurtdata'

/**
 * The accounts a visitor signs in with (printed at start): fictional people; the two municipalities are real City
 * Deal partners, the third organisation is fictional. The passwords are public on purpose: this is a demonstration.
 */
export const DEMO_ACCOUNTS: Record<DemoAccountKey, { email: string; name: string; role: 'admin' | 'curator' | 'partner'; organisation: { cbsCode: string } | { slug: string } | null; locale: 'nl' | 'en'; password: string; describe: string }> = {
  admin: { email: 'beheer@demo.example.org', name: 'Anna Beheer (fictief)', role: 'admin', organisation: null, locale: 'nl', password: 'demo-beheer', describe: 'administrator' },
  curator: { email: 'redactie@demo.example.org', name: 'Ruben Redactie (fictief)', role: 'curator', organisation: null, locale: 'nl', password: 'demo-redactie', describe: 'curator' },
  breda: { email: 'breda@demo.example.org', name: 'Britt Bakker (fictief)', role: 'partner', organisation: { cbsCode: 'GM0758' }, locale: 'nl', password: 'demo-breda', describe: 'member of Gemeente Breda (municipality, owns tools)' },
  denBosch: { email: 'denbosch@demo.example.org', name: 'Daan Dekker (fictief)', role: 'partner', organisation: { cbsCode: 'GM0796' }, locale: 'nl', password: 'demo-denbosch', describe: "member of Gemeente 's-Hertogenbosch (municipality; has not voted yet)" },
  buurtdata: { email: 'buurtdata@demo.example.org', name: 'Bo de Boer (fictional)', role: 'partner', organisation: { slug: 'stichting-buurtdata-fictief' }, locale: 'en', password: 'demo-buurtdata', describe: 'member of Stichting Buurtdata (fictional partner organisation)' },
}

const description = (textNl: string, textEn: string) => ({
  descriptionNl: `Fictief voorbeeld voor de demonstratie. ${textNl}`,
  descriptionEn: `A fictional example for the demonstration. ${textEn}`,
})

/** City Deal tools at every step of the lifecycle; `day` turns an offset into a date. */
export function demoTools(day: (offset: number) => string) {
  return {
    algoritme: {
      slug: 'algoritmeregister-handreiking',
      nameNl: nl('Handreiking algoritmeregister'),
      nameEn: en('Algorithm register guide'),
      ...description('Hoe een gemeente haar algoritmes openbaar beschrijft, met voorbeelden en een sjabloon.', 'How a municipality describes its algorithms in public, with examples and a template.'),
      form: 'guideline',
      category: 'governance',
      status: 'secured',
      origin: 'city_deal',
      roles: [{ cbsCode: 'GM0518', role: 'owner' }],
      pilots: [
        { cbsCode: 'GM0518', status: 'completed', outcome: 'worked', lessonsNl: 'Het sjabloon scheelde weken werk.', lessonsEn: 'The template saved weeks of work.', completedOn: day(-300) },
        { cbsCode: 'GM0758', status: 'completed', outcome: 'worked', lessonsNl: 'Raadsleden lazen het register echt.', lessonsEn: 'Council members actually read the register.', completedOn: day(-280) },
        { cbsCode: 'GM0200', status: 'completed', outcome: 'partly', lessonsNl: 'Voor kleine algoritmes te zwaar.', lessonsEn: 'Too heavy for small algorithms.', completedOn: day(-260) },
      ],
      history: [['idea', day(-420)], ['selected', day(-390)], ['in_development', day(-360)], ['testing', day(-330)], ['available', day(-250)], ['secured', day(-60)]],
    },
    sensorregister: {
      slug: 'sensorregister-koppeling',
      nameNl: nl('Koppeling sensorregister'),
      nameEn: en('Sensor register link'),
      ...description('Meldt sensoren in de openbare ruimte automatisch aan het landelijke register.', 'Reports sensors in public space to the national register automatically.'),
      form: 'software',
      status: 'available',
      origin: 'city_deal',
      roles: [{ cbsCode: 'GM0200', role: 'owner' }],
      pilots: [
        { cbsCode: 'GM0200', status: 'completed', outcome: 'worked', lessonsNl: 'Veertig sensoren in een middag gemeld.', lessonsEn: 'Forty sensors reported in an afternoon.', completedOn: day(-150) },
        { cbsCode: 'GM0796', status: 'completed', outcome: 'worked', lessonsNl: 'Werkte met ons eigen beheersysteem.', lessonsEn: 'Worked with our own asset system.', completedOn: day(-140) },
        { cbsCode: 'GM0855', status: 'completed', outcome: 'did_not_work', lessonsNl: 'Onze leverancier gaf geen toegang tot de gegevens.', lessonsEn: 'Our supplier gave no access to the data.', completedOn: day(-120) },
      ],
      history: [['idea', day(-330)], ['selected', day(-300)], ['in_development', day(-260)], ['testing', day(-200)], ['available', day(-100)]],
    },
    participatie: {
      slug: 'participatiewijzer-sensoren',
      nameNl: nl('Participatiewijzer sensoren'),
      nameEn: en('Participation guide for sensors'),
      ...description('Stappen om bewoners te laten meebeslissen over sensoren in hun straat.', 'Steps to let residents have a say about sensors in their street.'),
      form: 'guideline',
      status: 'testing',
      origin: 'city_deal',
      roles: [{ cbsCode: 'GM0796', role: 'owner' }],
      pilots: [
        { cbsCode: 'GM0344', status: 'completed', outcome: 'worked', lessonsNl: 'Bewoners begrepen de sensoren beter.', lessonsEn: 'Residents understood the sensors better.', completedOn: day(-40) },
        { cbsCode: 'GM0034', status: 'completed', outcome: 'partly', lessonsNl: 'Goed voor straten, te grof voor pleinen.', lessonsEn: 'Good for streets, too coarse for squares.', completedOn: day(-25) },
        { cbsCode: 'GM0599', status: 'running' },
      ],
      history: [['idea', day(-500)], ['proposed', day(-470)], ['selected', day(-430)], ['in_development', day(-380)], ['testing', day(-200)]],
    },
    hittestress: {
      slug: 'hittestress-wijkscan',
      nameNl: nl('Hittestress-wijkscan'),
      nameEn: en('Heat stress neighbourhood scan'),
      ...description('Een scan die per straat laat zien waar het op hete dagen te warm wordt.', 'A scan that shows, street by street, where it gets too hot on hot days.'),
      form: 'software',
      status: 'in_development',
      origin: 'city_deal',
      roles: [{ cbsCode: 'GM0200', role: 'owner' }],
      pilots: [{ cbsCode: 'GM0034', status: 'running' }, { cbsCode: 'GM0193', status: 'committed' }, { cbsCode: 'GM0855', status: 'committed' }],
      history: [['idea', day(-110)], ['selected', day(-100)], ['in_development', day(-60)]],
    },
    deelmobiliteit: {
      slug: 'deelmobiliteit-afsprakenkader',
      nameNl: nl('Afsprakenkader deelmobiliteit'),
      nameEn: en('Shared mobility agreement framework'),
      ...description('Afspraken tussen gemeente en aanbieders van deelfietsen en -auto’s over data en ruimte.', 'Agreements between a municipality and shared bike and car providers about data and space.'),
      form: 'agreement',
      category: 'governance',
      status: 'selected',
      origin: 'city_deal',
      roles: [{ cbsCode: 'GM0758', role: 'owner' }],
      pilots: [{ cbsCode: 'GM0344', status: 'committed' }, { cbsCode: 'GM0772', status: 'committed' }],
      history: [['idea', day(-200)], ['proposed', day(-150)], ['selected', day(-80)]],
    },
    buurtbudget: {
      slug: 'buurtbudget-spelregels',
      nameNl: nl('Spelregels digitaal buurtbudget'),
      nameEn: en('Rules for a digital neighbourhood budget'),
      ...description('Spelregels voor bewoners die online samen een buurtbudget verdelen.', 'Rules for residents who divide a neighbourhood budget together online.'),
      form: 'agreement',
      category: 'governance',
      status: 'proposed',
      origin: 'city_deal',
      roles: [{ cbsCode: 'GM0518', role: 'owner' }],
      history: [['idea', day(-50)], ['proposed', day(-20)]],
    },
    klimaat: {
      slug: 'wijkklimaatkaart',
      nameNl: nl('Wijkklimaatkaart'),
      nameEn: en('Neighbourhood climate map'),
      ...description('Een kaart van hitte en wateroverlast per wijk.', 'A map of heat and flooding per neighbourhood.'),
      form: 'method',
      status: 'idea',
      origin: 'city_deal',
      roles: [{ cbsCode: 'GM0758', role: 'owner' }],
      history: [['idea', day(-45)]],
    },
    initiatief: {
      slug: 'voorbeeld-initiatief',
      nameNl: nl('Initiatief buurtenergie'),
      nameEn: en('Neighbourhood energy initiative'),
      ...description('Een initiatief van anderen: buurtbatterijen die wijken samen beheren.', 'An initiative of others: neighbourhood batteries that districts manage together.'),
      form: 'method',
      status: 'available',
      origin: 'others_initiative',
      roles: [{ cbsCode: 'GM0363', role: 'organising_party' }, { cbsCode: 'GM0599', role: 'partner' }],
    },
    retired: {
      slug: 'voorbeeld-buiten-gebruik',
      nameNl: nl('Voorbeeld buiten gebruik'),
      nameEn: en('Retired example'),
      ...description('Een kaartdienst die opging in PDOK.', 'A map service that was merged into PDOK.'),
      form: 'software',
      status: 'available',
      origin: 'existing',
      roles: [{ cbsCode: 'GM0344', role: 'owner' }],
      pilots: [{ cbsCode: 'GM0034', status: 'completed', outcome: 'worked', lessonsNl: 'Werkte goed.', lessonsEn: 'Worked well.', completedOn: day(-400) }],
    },
  } satisfies Record<string, DemoTool>
}
