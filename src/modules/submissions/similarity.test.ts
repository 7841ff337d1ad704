import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { migrateToLatest } from '../../db/migrate.ts'
import { createTestDatabase, type TestDatabase } from '../../../test/helper.ts'
import { initials, isAcronymLike, normalizeName, urlKey } from './similarity.text.ts'
import { rankCandidates, scoreCandidate, WARNING_THRESHOLD, type MatchCandidate } from './similarity.ts'

const tool = (over: Partial<MatchCandidate>): MatchCandidate => ({
  type: 'tool',
  id: 1,
  slug: 'x',
  name: 'X',
  status: 'available',
  names: [],
  descriptions: [],
  urls: [],
  ...over,
})

describe('duplicate scoring', () => {
  test('normalisation: case, accents and punctuation do not count', () => {
    assert.equal(normalizeName('  Één  Café-Régister! '), 'een cafe register')
    assert.equal(urlKey('HTTPS://www.Example.org/Path/index.html?x=1#top'), 'example.org/path')
    assert.equal(urlKey('http://example.org:80/'), 'example.org')
    assert.equal(urlKey('https://'), undefined)
    assert.deepEqual(initials('Publieke Dienstverlening Op de Kaart').sort(), ['pdk', 'pdodk'])
    assert.ok(isAcronymLike('BGT') && isAcronymLike('3DBAG') && !isAcronymLike('Omgevingswet') && !isAcronymLike('bgt register'))
  })

  test('each signal gives its reason, and a reason is only given when it counts', () => {
    const pdok = tool({ slug: 'pdok', name: 'PDOK', names: [{ text: 'PDOK', kind: 'name', language: 'nl' }, { text: 'Publieke Dienstverlening Op de Kaart', kind: 'alias', language: 'nl' }], urls: ['https://www.pdok.nl/'], descriptions: [{ text: 'Landelijk platform voor open geodata van de overheid.', language: 'nl' }] })
    const site = scoreCandidate({ name: 'Onze kaartdienst', url: 'https://pdok.nl' }, pdok)
    assert.ok(site.likely && site.reasons.includes('same_website'))
    const alias = scoreCandidate({ name: 'Publieke dienstverlening op de kaart' }, pdok)
    assert.ok(alias.likely && alias.reasons.includes('alias_or_acronym'))
    const typo = scoreCandidate({ name: 'PDOKK', description: 'Open geodata van de overheid op een platform.' }, pdok)
    assert.ok(typo.score > 0.3)
    const unrelated = scoreCandidate({ name: 'Kaaswinkel', description: 'Verkoopt kaas.' }, pdok)
    assert.equal(unrelated.likely, false)
    assert.deepEqual(unrelated.reasons, [])
  })

  test('another number is another tool of the family (MIM6 is not MIM7)', () => {
    const mim7 = tool({ slug: 'mim7', name: 'OASC MIM7', names: [{ text: 'OASC MIM7 Geospatial Information Management', kind: 'name', language: 'en' }], descriptions: [{ text: 'Minimal interoperability mechanism for geospatial information management.', language: 'en' }] })
    assert.ok(scoreCandidate({ name: 'OASC MIM7 Geospatial Information Management' }, mim7).likely)
    assert.ok(!scoreCandidate({ name: 'OASC MIM6 Geospatial Information Management', description: 'Minimal interoperability mechanism for geospatial information.' }, mim7).likely)
  })

  test('ranking: best first, weak candidates left out', () => {
    const a = tool({ id: 1, slug: 'omgevingswet', name: 'Omgevingswet', names: [{ text: 'Omgevingswet', kind: 'name', language: 'nl' }] })
    const b = tool({ id: 2, slug: 'omgevingsvisie', name: 'Omgevingsvisie', names: [{ text: 'Omgevingsvisie', kind: 'name', language: 'nl' }] })
    const c = tool({ id: 3, slug: 'kaas', name: 'Kaas', names: [{ text: 'Kaas', kind: 'name', language: 'nl' }] })
    const ranked = rankCandidates({ name: 'Omgevingswt' }, [c, b, a])
    assert.equal(ranked[0]!.candidate.slug, 'omgevingswet')
    assert.ok(ranked[0]!.score >= WARNING_THRESHOLD)
    assert.ok(!ranked.some((m) => m.candidate.slug === 'kaas'))
  })
})

describe('match keys: the SQL and TypeScript normalisations agree', () => {
  let database: TestDatabase
  before(async () => {
    database = await createTestDatabase()
    // A PostgreSQL test database starts empty (the app migrates it); the PGlite one is a migrated template.
    await migrateToLatest(database.handle.db)
  })
  after(async () => {
    await database.handle.close()
    await database.drop()
  })

  const urls = ['https://www.PDOK.nl/', 'http://pdok.nl/index.html', 'https://example.org:443/a/b/?x=1#y', 'https://github.com/foo/bar/', 'http://www2.example.org/x//', 'https://data.overheid.nl/dataset/laadpalen']
  const names = ['Één Café-Régister', 'Publieke Dienstverlening Op de Kaart', '3D BAG', 'NL GOV API Design Rules', 'Algemene Verordening Gegevensbescherming (AVG)']
  test('match_url = urlKey, match_name = normalizeName, match_initials = initials', async () => {
    for (const url of urls) {
      const { rows } = await sql<{ k: string | null }>`select match_url(${url}) as k`.execute(database.handle.db)
      assert.equal(rows[0]!.k ?? undefined, urlKey(url), url)
    }
    for (const name of names) {
      const { rows } = await sql<{ n: string | null; i: string[] }>`select match_name(${name}) as n, match_initials(${name}) as i`.execute(database.handle.db)
      assert.equal(rows[0]!.n, normalizeName(name), name)
      assert.deepEqual([...rows[0]!.i].sort(), initials(name).sort(), name)
    }
  })
})
