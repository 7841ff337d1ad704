// The fixed query mix of the benchmarks: what visitors type and click in the catalogue, in Dutch and English.
// Raw queries are URL-shaped records, parsed by the app's own parseCatalogueQuery, so they are exactly what
// the /tools page would search for.
import type { ReferenceData } from '../src/modules/reference/reference.service.ts'
import { catalogueSearchParams, parseCatalogueQuery, type CatalogueQuery } from '../src/modules/tools/tools.schemas.ts'
import { Random } from './lib/prng.ts'

export type QueryKind =
  | 'browse'
  | 'word'
  | 'two-words'
  | 'typo'
  | 'acronym'
  | 'prefix'
  | 'facets'
  | 'text+facets'
  | 'sorted'
  | 'page-2-3'

export type RawQuery = Record<string, string | string[]>

export interface BenchQuery {
  kind: QueryKind
  raw: RawQuery
  query: CatalogueQuery
  /** The query string of the /tools page that runs this search. */
  search: string
}

export const WORDS = [
  // Dutch
  'sensoren', 'sensor', 'privacy', 'mobiliteit', 'drukte', 'luchtkwaliteit', 'aanbesteding', 'inkoop', 'algoritmes',
  'algoritme', 'register', 'registers', 'platform', 'verordening', 'participatie', 'inspraak', 'verkeerslichten',
  'parkeren', 'laadpalen', 'energie', 'afval', 'klimaatadaptatie', 'hittestress', 'veiligheid', 'toegankelijkheid',
  'omgevingswet', 'fietsen', 'woningbouw', 'handreiking', 'afwegingskader', 'kookboek', 'gemeenten', 'data', 'slimme',
  // English
  'sensors', 'mobility', 'crowd', 'crowds', 'procurement', 'algorithm', 'algorithms', 'ordinance', 'participation',
  'parking', 'cameras', 'energy', 'waste', 'noise', 'accessibility', 'guideline', 'dashboard', 'cookbook',
  'municipalities', 'safety', 'cycling', 'housing',
] as const

export const TWO_WORDS = [
  'air quality', 'slimme verkeerslichten', 'open data', 'privacy sensoren', 'data sharing', 'digitale tweeling',
  'digital twin', 'crowd management', 'sensor data', 'openbare ruimte', 'public space', 'smart traffic lights',
  'handreiking privacy', 'afwegingskader sensordata', 'algorithm register', 'algoritme register', 'mobility dashboard',
  'luchtkwaliteit utrecht', 'procurement conditions', 'citizen participation', 'heat stress', 'digitale inclusie',
  'shared mobility', 'deelmobiliteit amsterdam', 'street lighting', 'waste collection', 'cybersecurity gemeenten',
  'parking eindhoven', 'noise nuisance', 'sensoren in de openbare ruimte', 'privacy by design', 'how to procure sensors',
] as const

export const TYPOS = [
  'sensorren', 'sensros', 'privasy', 'privcy', 'mobiliteid', 'mobilty', 'luchtkwalitijt', 'algoritem', 'algorihtm',
  'particpatie', 'partisipation', 'verordenning', 'aanbestiding', 'procurment', 'dashbord', 'platfrom', 'regsiter',
  'crowdmanagment', 'verkeerlichten', 'camrea', 'parkeeren', 'toegankelijkhied', 'omgevingwet', 'klimaatadaptaite',
  'cybersecurty', 'air qaulity', 'slime verkeerslichten',
] as const

export const ACRONYMS = ['dpia', 'avg', 'gdpr', 'iot', 'ai', 'apv', 'maas', 'bim', 'gis', 'dso', 'woo', 'api', 'lorawan', 'wcag', 'digid', 'ivri', 'csm'] as const

export const PREFIXES = ['sens', 'algo', 'mobi', 'lucht', 'priv', 'parkeer'] as const

const FACET_ONLY: RawQuery[] = [
  ...['agreement', 'standard', 'norm', 'ordinance', 'legislation', 'method', 'guideline', 'software', 'dataset'].map((form) => ({ form })),
  { status: 'available' }, { status: 'in_development' }, { status: 'idea' }, { status: 'retired' },
  { category: 'governance' }, { category: 'content' },
  { origin: 'city_deal' }, { origin: 'others_initiative' },
  { theme: 'privacy' }, { theme: 'justice' },
  { sdg: '11.3' }, { sdg: '11.c' },
  { principle: 'designed_for_flexibility' },
  { process: 'design' },
  { municipality: 'GM0363' }, { municipality: 'GM0518' }, { municipality: 'GM0014' }, { municipality: 'GM1952' },
  { usedby: 'GM0363' }, { usedby: ['GM0363', 'GM0599'], status: 'available' },
  { form: 'method', status: 'available' },
  { category: 'governance', theme: 'privacy', process: 'govern' },
  { form: ['method', 'guideline'] },
  { status: ['available', 'secured'] },
  { sdg: '11.6', municipality: 'GM0599' },
  { form: 'software', category: 'content', origin: 'existing', status: 'available' },
  { theme: ['privacy', 'security', 'autonomy'], form: 'guideline' },
  { municipality: ['GM0363', 'GM0599', 'GM0518', 'GM0344'] },
  { principle: ['sustainable_democratic_city', 'democratic_smart_network'], status: 'available' },
  { origin: 'city_deal', process: ['design', 'furnish'] },
  { form: 'dataset', sdg: ['11.6', '11.2'] },
  { category: 'content', status: 'testing', theme: 'control_over_technology' },
]

const TEXT_AND_FACETS: RawQuery[] = [
  { q: 'privacy', form: 'method' },
  { q: 'sensoren', status: 'available' },
  { q: 'mobility', category: 'content' },
  { q: 'algoritmes', theme: 'justice' },
  { q: 'data', municipality: 'GM0363' },
  { q: 'data', usedby: 'GM0344' },
  { q: 'luchtkwaliteit', sdg: '11.6' },
  { q: 'procurement', form: 'agreement' },
  { q: 'drukte', municipality: 'GM0518' },
  { q: 'dashboard', form: 'software' },
  { q: 'handreiking', status: 'available', category: 'governance' },
  { q: 'open data', form: 'dataset' },
  { q: 'privasy', form: 'guideline' },
  { q: 'dpia', status: 'available' },
  { q: 'verordening', form: ['ordinance', 'legislation'] },
  { q: 'participation', theme: 'autonomy', process: 'design' },
  { q: 'sensors', origin: 'city_deal' },
  { q: 'air quality', municipality: ['GM0363', 'GM0599'] },
  { q: 'energie', sdg: '11.6', status: ['available', 'secured'] },
  { q: 'parkeren', category: 'content', form: 'software' },
  { q: 'camera', theme: 'privacy' },
  { q: 'algorithm register', status: 'available' },
  { q: 'gemeenten', form: 'guideline', process: 'govern' },
  { q: 'slimme verkeerslichten', municipality: 'GM0344' },
  { q: 'mobilty', form: 'software' },
  { q: 'waste', principle: 'designed_to_be_meaningful' },
  { q: 'toegankelijkheid', theme: 'justice', category: 'governance' },
  { q: 'crowd', origin: 'others_initiative' },
  { q: 'register', form: ['software', 'dataset'], status: 'available' },
  { q: 'klimaatadaptatie', sdg: ['11.5', '11.b'] },
  { q: 'iot', category: 'content' },
]

const SORTED: RawQuery[] = [
  { q: 'privacy', sort: 'name' }, { q: 'privacy', sort: 'newest' }, { q: 'data', sort: 'newest' }, { q: 'data', sort: 'name' },
  { sort: 'newest' }, { form: 'software', sort: 'newest' }, { status: 'available', sort: 'newest' },
  { municipality: 'GM0363', sort: 'newest' }, { q: 'mobiliteit', sort: 'name' }, { q: 'air quality', sort: 'newest' },
  { q: 'sensors', sort: 'newest' }, { theme: 'privacy', sort: 'newest' }, { category: 'governance', sort: 'newest' },
  { q: 'handreiking', sort: 'name' }, { q: 'algorithms', sort: 'newest' }, { q: 'privasy', sort: 'newest' },
  { q: 'gemeenten', sort: 'newest' }, { form: ['method', 'guideline'], sort: 'newest' }, { q: 'dpia', sort: 'name' },
  { sdg: '11.3', sort: 'newest' },
]

const PAGED: RawQuery[] = [
  { page: '2' }, { page: '3' }, { form: 'method', page: '2' }, { q: 'data', page: '2' }, { q: 'data', page: '3' },
  { status: 'available', sort: 'newest', page: '3' }, { q: 'privacy', page: '2' }, { theme: 'privacy', page: '2' },
  { q: 'gemeenten', page: '3' }, { category: 'governance', page: '2' }, { q: 'sensoren', page: '2' },
  { q: 'mobility', page: '2' }, { municipality: 'GM0363', page: '2' }, { q: 'handreiking', page: '3' },
  { form: 'software', sort: 'newest', page: '2' }, { q: 'municipalities', page: '2' }, { sort: 'newest', page: '2' },
  { q: 'algoritmes', page: '2' }, { process: 'govern', page: '3' }, { q: 'open data', page: '2' },
]

function build(kind: QueryKind, raw: RawQuery, reference: ReferenceData): BenchQuery {
  const query = parseCatalogueQuery(raw, reference, { allowPageSize: false })
  return { kind, raw, query, search: catalogueSearchParams(query).toString() }
}

/** The ~240 distinct searches the in-server latency benchmark runs, each labelled with its kind. */
export function queryMix(reference: ReferenceData, extraAcronyms: readonly string[] = []): BenchQuery[] {
  const out: BenchQuery[] = [build('browse', {}, reference)]
  for (const q of WORDS) out.push(build('word', { q }, reference))
  for (const q of TWO_WORDS) out.push(build('two-words', { q }, reference))
  for (const q of TYPOS) out.push(build('typo', { q }, reference))
  for (const q of [...ACRONYMS, ...extraAcronyms.slice(0, 5).map((a) => a.toLowerCase())]) out.push(build('acronym', { q }, reference))
  for (const q of PREFIXES) out.push(build('prefix', { q }, reference))
  for (const raw of FACET_ONLY) out.push(build('facets', raw, reference))
  for (const raw of TEXT_AND_FACETS) out.push(build('text+facets', raw, reference))
  for (const raw of SORTED) out.push(build('sorted', raw, reference))
  for (const raw of PAGED) out.push(build('page-2-3', raw, reference))
  // Distinct searches only: the same cache key twice would measure the same thing twice.
  const seen = new Set<string>()
  return out.filter((b) => {
    const key = JSON.stringify(b.query)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

const URL_FACETS: RawQuery[] = [
  {}, {}, {}, { form: 'method' }, { form: 'software' }, { form: 'guideline' }, { status: 'available' },
  { category: 'governance' }, { category: 'content' }, { theme: 'privacy' }, { theme: 'security' }, { process: 'govern' },
  { process: 'design' }, { sdg: '11.3' }, { sdg: '11.6' }, { municipality: 'GM0363' }, { municipality: 'GM0599' },
  { origin: 'city_deal' }, { principle: 'designed_for_flexibility' }, { form: 'guideline', status: 'available' },
  { form: ['method', 'guideline'] }, { status: ['available', 'secured'], category: 'governance' },
]

/**
 * Distinct /tools and /en/tools URLs for the HTTP benchmark of search pages: text terms × facet selections
 * (and some sorts), shuffled, all page 1 (so none is out of range). Distinct means distinct cache keys.
 */
export function distinctSearchUrls(reference: ReferenceData, count: number, seed = 7): string[] {
  const random = new Random(seed)
  const terms = ['', ...WORDS, ...TWO_WORDS, ...TYPOS, ...ACRONYMS, ...PREFIXES]
  const candidates: RawQuery[] = []
  for (const q of terms) {
    for (const facets of URL_FACETS) {
      const raw: RawQuery = { ...facets }
      if (q) raw.q = q
      candidates.push(raw)
      if (random.chance(0.08)) candidates.push({ ...raw, sort: 'newest' })
    }
  }
  const seen = new Set<string>()
  const urls: string[] = []
  for (const raw of random.shuffle(candidates)) {
    if (urls.length >= count) break
    const query = parseCatalogueQuery(raw, reference, { allowPageSize: false })
    const key = JSON.stringify(query)
    if (seen.has(key)) continue
    seen.add(key)
    const search = catalogueSearchParams(query).toString()
    urls.push(`${urls.length % 3 === 2 ? '/en' : ''}/tools${search ? `?${search}` : ''}`)
  }
  return urls
}
