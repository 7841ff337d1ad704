// Smart-city vocabulary for synthetic tools, in Dutch and English. Dutch words come with their
// inflections (sensor/sensoren, algoritme/algoritmes/algoritmen, slim/slimme) and compound forms
// (sensorregister, luchtkwaliteitsmonitor), so the Dutch and English stemmers and the typo search
// see the kind of text real tools have.

export interface Topic {
  /** Dutch forms as they appear in running text (first = the usual one in a name). */
  nl: readonly string[]
  /** English forms (first = the usual one in a name). */
  en: readonly string[]
  /** Head of a Dutch compound, with its linking -s- where Dutch has one: "luchtkwaliteits" + "monitor" (absent: Dutch would not compound it). */
  nlCompound?: string
  /** Acronyms people search for that tools on this topic are often known by. */
  acronyms?: readonly string[]
  /** Rathenau themes such a tool usually addresses. */
  themes?: readonly string[]
  /** SDG 11 targets such a tool usually contributes to. */
  sdg?: readonly string[]
}

export const TOPICS: readonly Topic[] = [
  { nl: ['sensoren', 'sensor'], en: ['sensors', 'sensor'], nlCompound: 'sensor', themes: ['privacy', 'control_over_technology'], sdg: ['11.3', '11.b'] },
  { nl: ['sensordata', 'sensorgegevens'], en: ['sensor data'], nlCompound: 'sensordata', themes: ['privacy'], sdg: ['11.3'] },
  { nl: ['privacy'], en: ['privacy'], nlCompound: 'privacy', acronyms: ['DPIA', 'PIA'], themes: ['privacy', 'autonomy'], sdg: ['11.3'] },
  { nl: ['gegevensbescherming', 'persoonsgegevens'], en: ['data protection', 'personal data'], nlCompound: 'gegevensbeschermings', acronyms: ['AVG', 'GDPR'], themes: ['privacy'] },
  { nl: ['mobiliteit'], en: ['mobility'], nlCompound: 'mobiliteits', acronyms: ['MaaS'], sdg: ['11.2'] },
  { nl: ['deelmobiliteit', 'deelauto\'s', 'deelfietsen'], en: ['shared mobility', 'shared cars', 'shared bikes'], nlCompound: 'deelmobiliteits', sdg: ['11.2', '11.6'] },
  { nl: ['drukte', 'drukte in de stad'], en: ['crowds', 'crowding'], nlCompound: 'drukte', acronyms: ['CSM'], themes: ['security', 'privacy'], sdg: ['11.7'] },
  { nl: ['crowdmanagement', 'bezoekersstromen'], en: ['crowd management', 'visitor flows'], nlCompound: 'bezoekers', themes: ['security'], sdg: ['11.7'] },
  { nl: ['luchtkwaliteit', 'fijnstof'], en: ['air quality', 'particulate matter'], nlCompound: 'luchtkwaliteits', sdg: ['11.6'] },
  { nl: ['geluid', 'geluidsoverlast'], en: ['noise', 'noise nuisance'], nlCompound: 'geluids', sdg: ['11.6'] },
  { nl: ['aanbesteding', 'aanbestedingen'], en: ['procurement', 'tenders'], nlCompound: 'aanbestedings', themes: ['control_over_technology', 'balance_of_power'], sdg: ['11.3'] },
  { nl: ['inkoop', 'inkoopvoorwaarden'], en: ['purchasing', 'purchasing conditions'], nlCompound: 'inkoop', themes: ['control_over_technology', 'balance_of_power'] },
  { nl: ['algoritmes', 'algoritmen', 'algoritme'], en: ['algorithms', 'algorithm'], nlCompound: 'algoritme', acronyms: ['AI', 'IAMA'], themes: ['justice', 'human_dignity', 'autonomy'] },
  { nl: ['kunstmatige intelligentie'], en: ['artificial intelligence'], nlCompound: 'AI-', acronyms: ['AI'], themes: ['justice', 'human_dignity', 'control_over_technology'] },
  { nl: ['data', 'gegevens'], en: ['data'], nlCompound: 'data', themes: ['privacy', 'control_over_technology'], sdg: ['11.3'] },
  { nl: ['datadeling', 'gegevensdeling'], en: ['data sharing'], nlCompound: 'datadeel', themes: ['privacy', 'balance_of_power'], sdg: ['11.3'] },
  { nl: ['open data'], en: ['open data'], nlCompound: 'opendata', acronyms: ['API'], themes: ['balance_of_power'], sdg: ['11.3'] },
  { nl: ['register', 'registers', 'registratie'], en: ['register', 'registers', 'registration'], nlCompound: 'registratie', themes: ['control_over_technology'] },
  { nl: ['platform', 'platforms'], en: ['platform', 'platforms'], nlCompound: 'platform', themes: ['balance_of_power'] },
  { nl: ['verordening', 'verordeningen', 'APV'], en: ['ordinance', 'ordinances', 'bylaw'], nlCompound: 'verordenings', acronyms: ['APV'] },
  { nl: ['participatie', 'burgerparticipatie', 'inspraak'], en: ['participation', 'citizen participation', 'public consultation'], nlCompound: 'participatie', themes: ['autonomy', 'balance_of_power'], sdg: ['11.3'] },
  { nl: ['verkeerslichten', 'slimme verkeerslichten', 'iVRI'], en: ['traffic lights', 'smart traffic lights'], nlCompound: 'verkeerslicht', acronyms: ['iVRI'], sdg: ['11.2'] },
  { nl: ['camera\'s', 'camerabeelden', 'cameratoezicht'], en: ['cameras', 'camera images', 'camera surveillance'], nlCompound: 'camera', themes: ['privacy', 'security'], sdg: ['11.7'] },
  { nl: ['wifi-tracking', 'bluetooth-tellingen'], en: ['wifi tracking', 'bluetooth counts'], nlCompound: 'wifitracking', themes: ['privacy'] },
  { nl: ['parkeren', 'parkeerplaatsen'], en: ['parking', 'parking spaces'], nlCompound: 'parkeer', sdg: ['11.2'] },
  { nl: ['laadpalen', 'laadinfrastructuur'], en: ['charging points', 'charging infrastructure'], nlCompound: 'laadpaal', sdg: ['11.6'] },
  { nl: ['energie', 'energietransitie'], en: ['energy', 'energy transition'], nlCompound: 'energie', sdg: ['11.6', '11.b'] },
  { nl: ['warmtenetten', 'warmte'], en: ['heat networks', 'heating'], nlCompound: 'warmte', sdg: ['11.6'] },
  { nl: ['afval', 'afvalinzameling'], en: ['waste', 'waste collection'], nlCompound: 'afval', sdg: ['11.6'] },
  { nl: ['water', 'waterbeheer'], en: ['water', 'water management'], nlCompound: 'water', sdg: ['11.5', '11.b'] },
  { nl: ['klimaatadaptatie', 'hittestress', 'wateroverlast'], en: ['climate adaptation', 'heat stress', 'flooding'], nlCompound: 'klimaat', sdg: ['11.5', '11.b'] },
  { nl: ['digitale tweeling', 'digitale tweelingen'], en: ['digital twin', 'digital twins'], acronyms: ['BIM', 'GIS'], sdg: ['11.3', '11.a'] },
  { nl: ['veiligheid', 'openbare orde'], en: ['safety', 'public order'], nlCompound: 'veiligheids', themes: ['security'], sdg: ['11.7'] },
  { nl: ['cybersecurity', 'informatiebeveiliging'], en: ['cybersecurity', 'information security'], nlCompound: 'cybersecurity', acronyms: ['BIO', 'ISMS'], themes: ['security', 'control_over_technology'] },
  { nl: ['digitale identiteit', 'inloggen'], en: ['digital identity', 'login'], nlCompound: 'identiteits', acronyms: ['eID', 'DigiD'], themes: ['autonomy', 'privacy'] },
  { nl: ['toegankelijkheid', 'digitale toegankelijkheid'], en: ['accessibility', 'digital accessibility'], nlCompound: 'toegankelijkheids', acronyms: ['WCAG'], themes: ['justice', 'human_dignity'], sdg: ['11.2', '11.7'] },
  { nl: ['digitale inclusie', 'digitale vaardigheden'], en: ['digital inclusion', 'digital skills'], nlCompound: 'inclusie', themes: ['justice', 'human_dignity'], sdg: ['11.3'] },
  { nl: ['straatverlichting', 'openbare verlichting'], en: ['street lighting', 'public lighting'], nlCompound: 'verlichtings', sdg: ['11.6'] },
  { nl: ['drones'], en: ['drones'], nlCompound: 'drone', themes: ['privacy', 'security'] },
  { nl: ['omgevingswet', 'omgevingsplan'], en: ['environment and planning act', 'environmental plan'], nlCompound: 'omgevings', acronyms: ['DSO'], sdg: ['11.3', '11.a'] },
  { nl: ['openbare ruimte', 'buitenruimte'], en: ['public space', 'outdoor space'], nlCompound: 'buitenruimte', themes: ['privacy', 'autonomy'], sdg: ['11.7'] },
  { nl: ['fietsen', 'fietsparkeren', 'fietsverkeer'], en: ['cycling', 'bicycle parking', 'bicycle traffic'], nlCompound: 'fiets', sdg: ['11.2'] },
  { nl: ['stadslogistiek', 'bevoorrading'], en: ['city logistics', 'deliveries'], nlCompound: 'logistiek', sdg: ['11.6'] },
  { nl: ['woningbouw', 'wonen'], en: ['housing', 'house building'], nlCompound: 'woning', sdg: ['11.1'] },
  { nl: ['groen', 'stadsgroen', 'bomen'], en: ['green space', 'urban greenery', 'trees'], nlCompound: 'groen', sdg: ['11.7', '11.6'] },
  { nl: ['openbaar vervoer', 'ov-reizigers'], en: ['public transport', 'public transport passengers'], nlCompound: 'ov-', sdg: ['11.2'] },
  { nl: ['internet of things', 'slimme apparaten', 'LoRa-netwerk'], en: ['internet of things', 'smart devices', 'LoRa network'], nlCompound: 'IoT-', acronyms: ['IoT', 'LoRaWAN'], themes: ['control_over_technology', 'security'], sdg: ['11.b'] },
  { nl: ['erfgoed', 'monumenten'], en: ['heritage', 'monuments'], nlCompound: 'erfgoed', sdg: ['11.4'] },
  { nl: ['transparantie', 'Woo-verzoeken'], en: ['transparency', 'freedom of information requests'], nlCompound: 'transparantie', acronyms: ['Woo'], themes: ['balance_of_power', 'control_over_technology'], sdg: ['11.3'] },
  { nl: ['leefbaarheid', 'wijken'], en: ['liveability', 'neighbourhoods'], nlCompound: 'leefbaarheids', sdg: ['11.1', '11.3'] },
]

/** What a tool is, per form: the word in a name (both languages) and, where Dutch compounds it, the tail. */
export interface Artefact {
  nl: string
  en: string
  /** Dutch compound tail: "sensor" + "register" = "sensorregister" (absent: no compound). */
  tail?: string
}

export const ARTEFACTS: Readonly<Record<string, readonly Artefact[]>> = {
  agreement: [
    { nl: 'Convenant', en: 'Covenant', tail: 'convenant' },
    { nl: 'Samenwerkingsovereenkomst', en: 'Cooperation agreement' },
    { nl: 'Afsprakenstelsel', en: 'Trust framework', tail: 'afsprakenstelsel' },
    { nl: 'Intentieverklaring', en: 'Declaration of intent' },
    { nl: 'Inkoopvoorwaarden', en: 'Procurement conditions', tail: 'voorwaarden' },
  ],
  standard: [
    { nl: 'Standaard', en: 'Standard', tail: 'standaard' },
    { nl: 'Protocol', en: 'Protocol', tail: 'protocol' },
    { nl: 'Datamodel', en: 'Data model', tail: 'datamodel' },
    { nl: 'API-specificatie', en: 'API specification' },
    { nl: 'Informatiemodel', en: 'Information model', tail: 'informatiemodel' },
  ],
  norm: [
    { nl: 'Norm', en: 'Norm', tail: 'norm' },
    { nl: 'Keurmerk', en: 'Quality mark', tail: 'keurmerk' },
    { nl: 'Kwaliteitseisen', en: 'Quality requirements' },
    { nl: 'Certificering', en: 'Certification', tail: 'certificering' },
  ],
  ordinance: [
    { nl: 'Verordening', en: 'Ordinance', tail: 'verordening' },
    { nl: 'Model-APV', en: 'Model bylaw' },
    { nl: 'Beleidsregel', en: 'Policy rule', tail: 'beleidsregel' },
    { nl: 'Gedragscode', en: 'Code of conduct', tail: 'gedragscode' },
  ],
  legislation: [
    { nl: 'Wet', en: 'Act', tail: 'wet' },
    { nl: 'Europese richtlijn', en: 'European directive' },
    { nl: 'EU-verordening', en: 'EU regulation' },
    { nl: 'Besluit', en: 'Decree', tail: 'besluit' },
  ],
  method: [
    { nl: 'Afwegingskader', en: 'Assessment framework', tail: 'afwegingskader' },
    { nl: 'Toets', en: 'Test', tail: 'toets' },
    { nl: 'Methode', en: 'Method', tail: 'methode' },
    { nl: 'Stappenplan', en: 'Step-by-step plan', tail: 'stappenplan' },
    { nl: 'Impactanalyse', en: 'Impact assessment', tail: 'impactanalyse' },
    { nl: 'Werkwijze', en: 'Approach', tail: 'aanpak' },
    { nl: 'Spelregels', en: 'Ground rules', tail: 'spelregels' },
    { nl: 'Canvas', en: 'Canvas', tail: 'canvas' },
  ],
  guideline: [
    { nl: 'Handreiking', en: 'Guideline', tail: 'handreiking' },
    { nl: 'Kookboek', en: 'Cookbook', tail: 'kookboek' },
    { nl: 'Leidraad', en: 'Guide', tail: 'leidraad' },
    { nl: 'Handleiding', en: 'Manual', tail: 'handleiding' },
    { nl: 'Checklist', en: 'Checklist', tail: 'checklist' },
    { nl: 'Wegwijzer', en: 'Signpost', tail: 'wegwijzer' },
    { nl: 'Modelbeleid', en: 'Model policy' },
  ],
  software: [
    { nl: 'Dashboard', en: 'Dashboard', tail: 'dashboard' },
    { nl: 'Platform', en: 'Platform', tail: 'platform' },
    { nl: 'Monitor', en: 'Monitor', tail: 'monitor' },
    { nl: 'App', en: 'App', tail: 'app' },
    { nl: 'Register', en: 'Register', tail: 'register' },
    { nl: 'Portaal', en: 'Portal', tail: 'portaal' },
    { nl: 'Meetsysteem', en: 'Measuring system', tail: 'meetsysteem' },
  ],
  dataset: [
    { nl: 'Dataset', en: 'Dataset', tail: 'dataset' },
    { nl: 'Kaart', en: 'Map', tail: 'kaart' },
    { nl: 'Open data', en: 'Open data' },
    { nl: 'Index', en: 'Index', tail: 'index' },
    { nl: 'Meetnet', en: 'Measurement network', tail: 'meetnet' },
  ],
}

/** Adjectives before a topic, uninflected and inflected (Dutch), and English. */
export const ADJECTIVES: readonly { nl: string; nlInflected: string; en: string }[] = [
  { nl: 'slim', nlInflected: 'slimme', en: 'smart' },
  { nl: 'verantwoord', nlInflected: 'verantwoorde', en: 'responsible' },
  { nl: 'open', nlInflected: 'open', en: 'open' },
  { nl: 'lokaal', nlInflected: 'lokale', en: 'local' },
  { nl: 'regionaal', nlInflected: 'regionale', en: 'regional' },
  { nl: 'ethisch', nlInflected: 'ethische', en: 'ethical' },
  { nl: 'digitaal', nlInflected: 'digitale', en: 'digital' },
  { nl: 'veilig', nlInflected: 'veilige', en: 'safe' },
  { nl: 'duurzaam', nlInflected: 'duurzame', en: 'sustainable' },
  { nl: 'inclusief', nlInflected: 'inclusieve', en: 'inclusive' },
]

/** Who a tool helps (Dutch, English). */
export const AUDIENCES: readonly [string, string][] = [
  ['gemeenten', 'municipalities'],
  ['provincies', 'provinces'],
  ["regio's", 'regions'],
  ['ambtenaren', 'civil servants'],
  ['inwoners', 'residents'],
  ['bewoners', 'inhabitants'],
  ['ondernemers', 'entrepreneurs'],
  ['beleidsmakers', 'policy makers'],
  ['projectleiders', 'project leaders'],
  ['inkopers', 'procurement officers'],
  ['raadsleden', 'council members'],
  ['netbeheerders', 'grid operators'],
  ['de politie', 'the police'],
  ['omgevingsdiensten', 'environmental services'],
  ['woningcorporaties', 'housing associations'],
]

/** What the tool helps do: Dutch te-infinitive, Dutch first person plural (and its separable particle), English. */
export const ACTIONS: readonly { te: string; we: string; particle: string; en: string }[] = [
  { te: 'te beoordelen', we: 'beoordelen', particle: '', en: 'assess' },
  { te: 'in te kopen', we: 'kopen', particle: 'in', en: 'procure' },
  { te: 'te meten', we: 'meten', particle: '', en: 'measure' },
  { te: 'te delen', we: 'delen', particle: '', en: 'share' },
  { te: 'te beheren', we: 'beheren', particle: '', en: 'manage' },
  { te: 'in te zetten', we: 'zetten', particle: 'in', en: 'deploy' },
  { te: 'te monitoren', we: 'monitoren', particle: '', en: 'monitor' },
  { te: 'te voorspellen', we: 'voorspellen', particle: '', en: 'forecast' },
  { te: 'te ontwerpen', we: 'ontwerpen', particle: '', en: 'design' },
  { te: 'te verantwoorden', we: 'verantwoorden', particle: '', en: 'account for' },
  { te: 'te registreren', we: 'registreren', particle: '', en: 'register' },
  { te: 'af te wegen', we: 'wegen', particle: 'af', en: 'weigh up' },
  { te: 'te organiseren', we: 'organiseren', particle: '', en: 'organise' },
  { te: 'te beveiligen', we: 'beveiligen', particle: '', en: 'secure' },
  { te: 'te anonimiseren', we: 'anonimiseren', particle: '', en: 'anonymise' },
  { te: 'te visualiseren', we: 'visualiseren', particle: '', en: 'visualise' },
]

export const MANNERS: readonly [string, string][] = [
  ['met respect voor privacy', 'while respecting privacy'],
  ['in de openbare ruimte', 'in public space'],
  ['op een verantwoorde manier', 'in a responsible way'],
  ['samen met inwoners', 'together with residents'],
  ['volgens de AVG', 'in line with the GDPR'],
  ['met open standaarden', 'with open standards'],
  ['zonder vendor lock-in', 'without vendor lock-in'],
  ['op basis van actuele metingen', 'based on up-to-date measurements'],
  ['in de hele regio', 'across the region'],
  ['met heldere afspraken over eigenaarschap', 'with clear agreements about ownership'],
  ['transparant en uitlegbaar', 'in a transparent and explainable way'],
  ['binnen de kaders van de Omgevingswet', 'within the Environment and Planning Act'],
]

export const LAWS: readonly [string, string][] = [
  ['de AVG', 'the GDPR'],
  ['de Omgevingswet', 'the Environment and Planning Act'],
  ['de Wet open overheid', 'the Open Government Act'],
  ['de AI-verordening', 'the AI Act'],
  ['de Wet digitale overheid', 'the Digital Government Act'],
  ['de Data Act', 'the Data Act'],
  ['de Gemeentewet', 'the Municipalities Act'],
  ['de Wegenverkeerswet', 'the Road Traffic Act'],
]

export const DATA_SOURCES: readonly [string, string][] = [
  ['tellingen', 'counts'],
  ['meetgegevens', 'measurement data'],
  ['realtime gegevens', 'real-time data'],
  ['geanonimiseerde gegevens', 'anonymised data'],
  ['open data van het CBS', 'open data from Statistics Netherlands'],
  ['satellietbeelden', 'satellite images'],
  ['meldingen van bewoners', 'reports from residents'],
  ['verkeersgegevens', 'traffic data'],
  ['weergegevens', 'weather data'],
]

export const OCCASIONS: readonly [string, string][] = [
  ['de invoering van de Omgevingswet', 'the introduction of the Environment and Planning Act'],
  ['klachten van bewoners over drukte', 'complaints from residents about crowding'],
  ['een datalek bij een leverancier', 'a data breach at a supplier'],
  ['nieuwe Europese regels voor AI', 'new European rules for AI'],
  ['vragen van de gemeenteraad over sensoren', 'questions from the council about sensors'],
  ['de wens om data uit de openbare ruimte te hergebruiken', 'the wish to reuse data from public space'],
  ['een pilot met slimme verkeerslichten', 'a pilot with smart traffic lights'],
  ['onduidelijkheid over eigenaarschap van data', 'uncertainty about data ownership'],
  ['de energietransitie in de wijk', 'the energy transition in the neighbourhood'],
  ['een evenement met veel bezoekers', 'an event with many visitors'],
]

/** Syllables for product names ("Argaleo", "Datalux"): a catalogue of 100k tools has thousands of them. */
export const BRAND_HEADS = ['ar', 'da', 'lu', 'me', 'no', 'sen', 'ci', 'vi', 'tra', 'flo', 'ge', 'ka', 'mo', 'pa', 'ro', 'sti', 'ur', 'ze', 'qua', 'bri'] as const
export const BRAND_MIDDLES = ['ga', 'ta', 'li', 'ne', 'ro', 'vo', 'mi', 'sa', 'de', 'ko', 'ri', 'lo', 'ba', 'te'] as const
export const BRAND_TAILS = ['leo', 'lux', 'net', 'io', 'sense', 'scan', 'hub', 'flow', 'city', 'grid', 'wise', 'eye', 'kit', 'base', 'map'] as const

/**
 * Municipalities by size, largest first (CBS names), for the Zipf-like skew toward big cities.
 * The rest of the 342 follow in reference-data order.
 */
export const BIG_MUNICIPALITIES = [
  'Amsterdam', 'Rotterdam', "'s-Gravenhage", 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda',
  'Nijmegen', 'Apeldoorn', 'Haarlem', 'Arnhem', 'Enschede', 'Amersfoort', 'Zaanstad', 'Haarlemmermeer',
  "'s-Hertogenbosch", 'Zwolle', 'Leiden', 'Zoetermeer', 'Maastricht', 'Leeuwarden', 'Dordrecht', 'Ede', 'Westland',
  'Alphen aan den Rijn', 'Alkmaar', 'Emmen', 'Delft', 'Venlo', 'Deventer',
] as const
