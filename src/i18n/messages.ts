// The message catalogue: every text a user reads, Dutch and English side by side, split by area under messages/.
// Each area is declared `as const`, so TypeScript knows every key, its texts and the {placeholders} they take.

import { accountsMessages } from './messages/accounts.ts'
import { adoptionMessages } from './messages/adoption.ts'
import { adminMessages } from './messages/admin.ts'
import { callsMessages } from './messages/calls.ts'
import { catalogueMessages } from './messages/catalogue.ts'
import { curationMessages } from './messages/curation.ts'
import { decisionsMessages } from './messages/decisions.ts'
import { demoMessages } from './messages/demo.ts'
import { gatheringsMessages } from './messages/gatherings.ts'
import { editingMessages } from './messages/editing.ts'
import { errorsMessages } from './messages/errors.ts'
import { findableMessages } from './messages/findable.ts'
import { formsMessages } from './messages/forms.ts'
import { mailMessages } from './messages/mail.ts'
import { openDataMessages } from './messages/open-data.ts'
import { organisationsMessages } from './messages/organisations.ts'
import { partnersMessages } from './messages/partners.ts'
import { proposalsMessages } from './messages/proposals.ts'
import { pipelineMessages } from './messages/pipeline.ts'
import { pipelineViewMessages } from './messages/pipeline-view.ts'
import { programmeMessages } from './messages/programme.ts'
import { shareMessages } from './messages/share.ts'
import { siteMessages } from './messages/site.ts'
import { statementsMessages } from './messages/statements.ts'
import { dataPageMessages } from './messages/data-page.ts'
import { vocabularyMessages } from './messages/vocabulary.ts'

/** The areas one by one; a key must live in exactly one (a test checks, as spreading would hide a duplicate). */
export const MESSAGE_AREAS = [
  siteMessages,
  statementsMessages,
  openDataMessages,
  catalogueMessages,
  vocabularyMessages,
  shareMessages,
  curationMessages,
  editingMessages,
  organisationsMessages,
  pipelineMessages,
  pipelineViewMessages,
  dataPageMessages,
  adoptionMessages,
  callsMessages,
  programmeMessages,
  partnersMessages,
  proposalsMessages,
  decisionsMessages,
  gatheringsMessages,
  adminMessages,
  accountsMessages,
  mailMessages,
  formsMessages,
  findableMessages,
  errorsMessages,
  demoMessages,
] as const

/** Every message by key: `messages[key].nl`, `messages[key].en`. */
export const messages = {
  ...siteMessages,
  ...statementsMessages,
  ...openDataMessages,
  ...catalogueMessages,
  ...vocabularyMessages,
  ...shareMessages,
  ...curationMessages,
  ...editingMessages,
  ...organisationsMessages,
  ...pipelineMessages,
  ...pipelineViewMessages,
  ...dataPageMessages,
  ...adoptionMessages,
  ...callsMessages,
  ...programmeMessages,
  ...partnersMessages,
  ...proposalsMessages,
  ...decisionsMessages,
  ...gatheringsMessages,
  ...adminMessages,
  ...accountsMessages,
  ...mailMessages,
  ...formsMessages,
  ...findableMessages,
  ...errorsMessages,
  ...demoMessages,
}

export type MessageKey = keyof typeof messages

export const LOCALES = ['nl', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** The names in a template's {placeholders}, e.g. 'count' | 'q'. */
type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderNames<Rest> : never

/** The placeholders of a key's Dutch template (English must have the same ones; a test checks every key). */
export type Placeholders<K extends MessageKey> = PlaceholderNames<(typeof messages)[K]['nl']>

/** The values a message needs: one per placeholder, no more. */
/** A value to fill in: text and numbers, or a text given in both languages (the one of the page is used). */
export type MessageParam = string | number | { readonly nl: string; readonly en: string }

export type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<K>]: MessageParam }

/**
 * The parameters after the key: none for a message without placeholders, exactly its placeholders otherwise.
 * A key typed as the whole MessageKey union is only known at run time (a stored error's key, a key checked with
 * isMessageKey), so it takes any values; every key known at compile time is checked.
 */
export type MessageArgs<K extends MessageKey> = MessageKey extends K
  ? [params?: Readonly<Record<string, MessageParam>>]
  : [Placeholders<K>] extends [never]
    ? []
    : [params: MessageParams<K>]
