// NL Design System (Utrecht component library) components, wrapped once. Pages call these and never
// write component class names themselves.
import { createHash } from 'node:crypto'
import { html, raw, type SafeHtml } from '../html.ts'

type Content = SafeHtml | string | number | null | undefined | (SafeHtml | string)[]

export const heading = (level: 1 | 2 | 3 | 4, content: Content, attrs: { id?: string } = {}) => {
  const tag = `h${level}`
  return html`${raw(`<${tag} class="utrecht-heading-${level}"`)}${attrs.id ? html` id="${attrs.id}"` : ''}>${content}${raw(`</${tag}>`)}`
}

export const paragraph = (content: Content, options: { lead?: boolean; lang?: string | undefined } = {}) =>
  html`<p class="utrecht-paragraph${options.lead ? ' utrecht-paragraph--lead' : ''}"${
    options.lang ? html` lang="${options.lang}"` : ''
  }>${content}</p>`

export const link = (
  href: string,
  content: Content,
  attrs: { lang?: string | undefined; hreflang?: string; rel?: string; current?: boolean; label?: string; newWindow?: boolean } = {},
) =>
  // A link whose text is its address is marked, so that print does not show the address twice.
  html`<a class="utrecht-link utrecht-link--html-a${content === href ? ' citydeal-link--address' : ''}" href="${href}"${attrs.newWindow ? html` target="_blank"` : ''}${attrs.lang ? html` lang="${attrs.lang}"` : ''}${
    attrs.hreflang ? html` hreflang="${attrs.hreflang}"` : ''
  }${attrs.rel ? html` rel="${attrs.rel}"` : ''}${attrs.current ? html` aria-current="page"` : ''}${
    attrs.label ? html` aria-label="${attrs.label}"` : ''
  }>${content}</a>`

export const button = (content: Content, attrs: { type?: 'submit' | 'button'; secondary?: boolean; name?: string; value?: string } = {}) =>
  html`<button type="${attrs.type ?? 'submit'}" class="utrecht-button ${
    attrs.secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'
  }"${attrs.name ? html` name="${attrs.name}" value="${attrs.value ?? ''}"` : ''}>${content}</button>`

/** A link that looks like a button: for a call to action that leads to another page (not a form's submit). */
export const buttonLink = (href: string, content: Content, attrs: { secondary?: boolean } = {}) =>
  html`<a class="utrecht-button-link utrecht-button-link--html-a ${
    attrs.secondary ? 'utrecht-button-link--secondary-action' : 'utrecht-button-link--primary-action'
  }" href="${href}">${content}</a>`

export const unorderedList = (items: Content[], attrs: { className?: string } = {}) =>
  html`<ul class="utrecht-unordered-list${attrs.className ? ` ${attrs.className}` : ''}">${items.map(
    (item) => html`<li class="utrecht-unordered-list__item">${item}</li>`,
  )}</ul>`

export const statusBadge = (content: Content, variant: 'neutral' | 'active' | 'success' | 'warning' | 'inactive' = 'neutral') =>
  html`<span class="utrecht-status-badge utrecht-status-badge--${variant}">${content}</span>`

export const dataList = (items: { key: Content; value: Content }[]) =>
  html`<dl class="utrecht-data-list utrecht-data-list--rows">${items.map(
    (item) => html`<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${item.key}</dt><dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${item.value}</dd></div>`,
  )}</dl>`

/**
 * A table in a container that scrolls sideways when the table is wider than the screen: the container is a region
 * named by the caption and takes keyboard focus, so a keyboard user can scroll it too (axe scrollable-region-focusable).
 * The caption's id comes from the table's content, so the same page always has the same ids.
 */
export const table = (caption: Content, headers: Content[], rows: Content[][]) => {
  const captionHtml = String(html`${caption}`)
  const id = `table-${createHash('sha256').update(`${captionHtml}\0${String(html`${headers}`)}\0${rows.length}`).digest('hex').slice(0, 10)}`
  return html`<div class="utrecht-table__container" role="region" tabindex="0" aria-labelledby="${id}"><table class="utrecht-table utrecht-table--html-table">
<caption class="utrecht-table__caption" id="${id}">${caption}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">${headers.map(
    (h) => html`<th scope="col" class="utrecht-table__header-cell">${h}</th>`,
  )}</tr></thead>
<tbody class="utrecht-table__body">${rows.map(
    (row) => html`<tr class="utrecht-table__row">${row.map((cell) => html`<td class="utrecht-table__cell">${cell}</td>`)}</tr>`,
  )}</tbody></table></div>`
}

export const textbox = (attrs: {
  id: string
  name: string
  value: string
  maxLength?: number
  type?: 'search' | 'text' | 'email' | 'password' | 'url' | 'date'
  describedBy?: string | undefined
  invalid?: boolean
  autocomplete?: string
  required?: boolean
  /** The id of a datalist to choose from (e.g. the organisation picker). */
  list?: string | undefined
}) =>
  html`<input class="utrecht-textbox utrecht-textbox--html-input${attrs.invalid ? ' utrecht-textbox--invalid' : ''}" type="${
    attrs.type ?? 'text'
  }" id="${attrs.id}" name="${attrs.name}" value="${attrs.value}"${attrs.maxLength ? html` maxlength="${attrs.maxLength}"` : ''}${
    attrs.describedBy ? html` aria-describedby="${attrs.describedBy}"` : ''
  }${attrs.invalid ? html` aria-invalid="true"` : ''}${attrs.autocomplete ? html` autocomplete="${attrs.autocomplete}"` : ''}${
    attrs.required ? html` required` : ''
  }${attrs.list ? html` list="${attrs.list}"` : ''}>`

export const textarea = (attrs: { id: string; name: string; value: string; maxLength?: number | undefined; rows?: number | undefined; describedBy?: string | undefined; invalid?: boolean; required?: boolean | undefined }) =>
  html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea${attrs.invalid ? ' utrecht-textarea--invalid' : ''}" id="${attrs.id}" name="${attrs.name}" rows="${
    attrs.rows ?? 4
  }"${attrs.maxLength ? html` maxlength="${attrs.maxLength}"` : ''}${attrs.describedBy ? html` aria-describedby="${attrs.describedBy}"` : ''}${
    attrs.invalid ? html` aria-invalid="true"` : ''
  }${attrs.required ? html` required` : ''}>${attrs.value}</textarea>`

export const select = (attrs: { id: string; name: string; options: { value: string; label: string; selected: boolean }[]; describedBy?: string | undefined; invalid?: boolean; required?: boolean | undefined }) =>
  html`<select class="utrecht-select utrecht-select--html-select${attrs.invalid ? ' utrecht-select--invalid' : ''}" id="${attrs.id}" name="${attrs.name}"${
    attrs.describedBy ? html` aria-describedby="${attrs.describedBy}"` : ''
  }${attrs.invalid ? html` aria-invalid="true"` : ''}${attrs.required ? html` required` : ''}>${attrs.options.map(
    (o) => html`<option value="${o.value}"${o.selected ? html` selected` : ''}>${o.label}</option>`,
  )}</select>`

export const formField = (
  labelFor: string,
  labelText: Content,
  input: SafeHtml,
  description?: { id: string; text: Content },
  error?: { id: string; text: Content },
  /** Shown beside the label, outside it (a required field's mark, which the control itself announces). */
  besideLabel?: SafeHtml,
) =>
  html`<div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}">
<div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${labelFor}">${labelText}</label>${besideLabel ? html` ${besideLabel}` : ''}</div>
${description ? html`<div class="utrecht-form-field__description" id="${description.id}">${description.text}</div>` : ''}
${error ? html`<div class="utrecht-form-field__error-message" id="${error.id}">${error.text}</div>` : ''}
<div class="utrecht-form-field__input">${input}</div></div>`

export const checkboxField = (attrs: { id: string; name: string; value: string; checked: boolean; label: Content }) =>
  html`<div class="utrecht-form-field utrecht-form-field--checkbox">
<div class="utrecht-form-field__input"><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${attrs.id}" name="${
    attrs.name
  }" value="${attrs.value}"${attrs.checked ? html` checked` : ''}></div>
<div class="utrecht-form-field__label"><label class="utrecht-form-label utrecht-form-label--checkbox" for="${attrs.id}">${attrs.label}</label></div></div>`

export const fieldset = (legend: Content, content: Content, attrs: { className?: string } = {}) =>
  html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${attrs.className ? ` ${attrs.className}` : ''}"><legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${legend}</legend>${content}</fieldset>`

/** A choice of one among a few options, as radio buttons in a fieldset. */
export const radioGroup = (attrs: { id: string; name: string; legend: Content; options: { value: string; label: Content }[]; checked: string | undefined; className?: string }) =>
  fieldset(
    attrs.legend,
    attrs.options.map(
      (o) => html`<div class="utrecht-form-field utrecht-form-field--radio"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${attrs.id}-${o.value}" name="${attrs.name}" value="${o.value}"${
        o.value === attrs.checked ? html` checked` : ''
      }> <label class="utrecht-form-label utrecht-form-label--radio" for="${attrs.id}-${o.value}">${o.label}</label></div>`,
    ),
    { className: attrs.className },
  )

export const alert = (type: 'info' | 'ok' | 'warning' | 'error', content: Content, attrs: { role?: 'alert' | 'status' } = {}) =>
  html`<div class="utrecht-alert utrecht-alert--${type}"${attrs.role ? html` role="${attrs.role}"` : ''}><div class="utrecht-alert__content"><div class="utrecht-alert__message">${content}</div></div></div>`

export interface PaginationLink {
  href: string
  label: string
  page?: number
  current?: boolean
  rel?: 'prev' | 'next'
  /** Pages left out between two links: shown as an ellipsis, not announced. */
  gap?: boolean
}

export const pagination = (label: string, links: PaginationLink[]) =>
  html`<nav class="utrecht-pagination" aria-label="${label}"><ul class="citydeal-pagination__list">${links.map((l) =>
    l.gap
      ? html`<li aria-hidden="true" class="citydeal-pagination__gap">…</li>`
      : l.current
      ? html`<li><a class="utrecht-pagination__page-link utrecht-pagination__page-link--current" href="${l.href}" aria-current="page">${l.page}</a></li>`
      : l.rel
        ? html`<li><a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--${l.rel}" rel="${l.rel}" href="${l.href}">${l.label}</a></li>`
        : html`<li><a class="utrecht-pagination__page-link" href="${l.href}" aria-label="${l.label}">${l.page}</a></li>`,
  )}</ul></nav>`

