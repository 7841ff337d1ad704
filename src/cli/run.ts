import { existsSync } from 'node:fs'
import { ConfigError, loadConfig, type Config } from '../config.ts'
import { BackupError } from '../db/backup.ts'
import { DatabaseUnreachableError } from '../db/connect-retry.ts'
import { DatabaseInUseError } from '../db/folder-lock.ts'

/** A command cannot do what was asked, for a reason the operator can act on: said in one line, exit code 1. */
export class CommandError extends Error {}

/** A logger for command-line tools: warnings and errors on standard error, one line each. */
export const cliLog = {
  info: () => {},
  warn: (object: object, message: string) => console.error(`warning: ${message} ${JSON.stringify(object)}`),
  error: (object: object, message: string) => console.error(`error: ${message} ${JSON.stringify(object)}`),
}

/**
 * Runs a command-line entry point with the configuration (.env read first; the environment wins). What a user can
 * act on (a bad setting, a database folder held by a running server) is said in plain lines, exit code 1.
 */
export async function runCommand(main: (config: Config) => Promise<void>) {
  try {
    if (existsSync('.env')) process.loadEnvFile('.env')
    await main(loadConfig())
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseInUseError || error instanceof DatabaseUnreachableError || error instanceof CommandError || error instanceof BackupError) {
      console.error(error.message)
      process.exit(1)
    }
    console.error(error)
    process.exit(1)
  }
}
