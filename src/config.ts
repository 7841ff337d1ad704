import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** Every setting the app reads, validated once at start-up. Documented in .env.example. */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.String({ pattern: '^(postgres(ql)?://.+)?$', default: '' }),
  DATABASE_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 3_000 }),
  DATABASE_CONNECT_RETRY_SECONDS: Type.Integer({ minimum: 0, maximum: 3_600, default: 30 }),
  DATABASE_QUERY_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 5_000 }),
  PUBLIC_URL: Type.String({ pattern: '^https?://[^\\s/]+(/[^\\s]*)?$', default: 'http://localhost:3000' }),
  CONTACT_EMAIL: Type.String({ pattern: '^[^\\s@]+@[^\\s@]+$', default: 'toolbox@example.org' }),
  SMTP_URL: Type.String({ pattern: '^(smtps?://.+)?$', default: '' }),
  MAIL_FROM: Type.String({ minLength: 3, default: 'City Deal Toolbox <toolbox@example.org>' }),
  SMTP_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 300_000, default: 15_000 }),
  MAIL_POLL_INTERVAL_MS: Type.Integer({ minimum: 50, maximum: 3_600_000, default: 5_000 }),
  MAIL_RETRY_BASE_MS: Type.Integer({ minimum: 10, maximum: 3_600_000, default: 60_000 }),
  MAIL_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  MAIL_PER_RECIPIENT_PER_DAY: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
  SUBMITTER_EMAIL_RETENTION_MONTHS: Type.Integer({ minimum: 1, maximum: 120, default: 12 }),
  COOKIE_SECRET: Type.String({ default: '' }),
  RATE_LIMIT_DISABLED: Type.Union([Type.Literal('0'), Type.Literal('1'), Type.Literal('')], { default: '' }),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 10_000, default: 10 }),
  RATE_LIMIT_FORMS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
  RATE_LIMIT_LOOKUP_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100_000, default: 300 }),
  CATALOGUE_VERSION_TTL_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 1000 }),
  SEARCH_INDEX: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
  /** Instances of the app in one server process group (node:cluster workers); above 1 only on PostgreSQL. */
  INSTANCES: Type.Integer({ minimum: 1, maximum: 64, default: 1 }),
  TRUST_PROXY: Type.String({ pattern: '^[0-9a-fA-F.:/, ]*$', maxLength: 500, default: '' }),
  /** The demonstration (npm run demo sets it): every page carries a banner saying fictional records are made up. */
  DEMO_MODE: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
})

export type Config = Static<typeof ConfigSchema> & {
  /** In-memory PGlite (tests): DATA_DIR is ignored. */
  inMemory?: boolean
}

export class ConfigError extends Error {}

/** Reads the environment (or a given record), applies defaults and fails with a readable list of problems. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key]
    if (value !== undefined && value !== '') raw[key] = value
  }
  // Value.Convert would read '1e3' or '3000.5' as a number: ports must be plain digits.
  if (raw.PORT !== undefined && !/^[0-9]{1,5}$/.test(String(raw.PORT))) raw.PORT = `invalid: ${String(raw.PORT)}`
  // Without a public address, links point at this machine on the port it listens on (not always 3000).
  if (raw.PUBLIC_URL === undefined && raw.PORT !== undefined && /^[0-9]{1,5}$/.test(String(raw.PORT))) raw.PUBLIC_URL = `http://localhost:${String(raw.PORT)}`
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw))
  const errors = [...Value.Errors(ConfigSchema, converted)]
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path.slice(1) || '(root)'}: ${e.message} (got ${JSON.stringify(e.value)})`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const config = converted as Config
  config.PUBLIC_URL = config.PUBLIC_URL.replace(/\/+$/, '')
  return config
}
