/**
 * The shape of every area's messages: each key holds its Dutch and English text side by side. Dutch is the
 * source: its {placeholders} type the parameters a message takes (see ../messages.ts).
 */
export type MessageTable = Readonly<Record<string, { readonly nl: string; readonly en: string }>>
