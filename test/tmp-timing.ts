import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
let t0 = Date.now()
const p = await PGlite.create({ extensions: { pg_trgm, unaccent } })
console.log('empty create', Date.now() - t0)
const f = readdirSync(tmpdir()).filter(x => x.startsWith('citydeal-toolbox-pglite')).at(-1)!
t0 = Date.now()
const q = await PGlite.create({ extensions: { pg_trgm, unaccent }, loadDataDir: new Blob([readFileSync(tmpdir() + '/' + f)]) })
console.log('load dump', Date.now() - t0)
t0 = Date.now()
await q.query('select 1')
console.log('q', Date.now() - t0)
