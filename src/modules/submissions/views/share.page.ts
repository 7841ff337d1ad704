import type { FieldProblem } from '../../../errors.ts'
import { localePath, translate, translator } from '../../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../../i18n/messages.ts'
import { alert, button, checkboxField, heading, link, paragraph, unorderedList } from '../../../views/components/index.ts'
import { errorSummary, renderFields, type FormValues } from '../../../views/form.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { candidateStatus, reasonLabels, reasonsText, type CandidateView } from './submission.components.ts'
import { MUNICIPALITY_LIST_ID, noteField, sharedFieldSpecs, toolFieldSpecs } from './submission.fields.ts'

/** The municipalities to choose from, by name and other names (the organisation picker's datalist). */
function municipalityList(reference: ReferenceData): SafeHtml {
  const options = [...reference.municipalities.values()].flatMap((m) => [html`<option value="${m.name}"></option>`, ...m.aliases.map((a) => html`<option value="${a}">${m.name}</option>`)])
  return html`<datalist id="${MUNICIPALITY_LIST_ID}">${options}</datalist>`
}

/** The possible duplicates, each with why; published tools get an "add what I know to this tool" button. */
export function duplicatesList(locale: Locale, candidates: CandidateView[], options: { actions: boolean }): SafeHtml {
  return unorderedList(
    candidates.map(
      // Names of submissions under review are not public (they are not moderated yet): only that one exists.
      (c) => html`<span class="citydeal-candidate__name">${c.slug ? link(localePath(locale, `/tools/${c.slug}`), c.name) : c.type === 'submission' ? translate(locale, 'share.candidate.pendingName') : c.name}</span>
${candidateStatus(locale, c)}
<span class="citydeal-candidate__reasons">${reasonsText(locale, c.reasons)}</span>${
        options.actions && c.type === 'tool' && c.slug
          ? html` <button type="submit" name="additionTo" value="${c.slug}" class="utrecht-button utrecht-button--secondary-action citydeal-candidate__action">${translate(locale, 'share.addToThis', { name: c.name })}</button>`
          : ''
      }`,
    ),
    { className: 'citydeal-candidates' },
  )
}

export interface SharePageOptions {
  values: FormValues
  problems: FieldProblem[]
  duplicates: CandidateView[]
  csrfToken: string
  flash?: MessageKey | undefined
  /** The tool this adds to, when the visitor came from its page. */
  addition?: { slug: string; name: string } | undefined
}

/** /tools/share: the public form. Works without JavaScript; with it, possible duplicates show while typing. */
export function sharePage(ctx: PageContext, reference: ReferenceData, options: SharePageOptions): string {
  const { locale } = ctx
  const t = translator(locale)
  const fields = toolFieldSpecs(locale, reference, options.values, { addition: !!options.addition })
  const likely = options.duplicates.filter((d) => d.likely)
  const problems = options.problems
  const content = html`${errorSummary({ id: 'share', problems, locale })}
${
  likely.length > 0
    ? alert(
        'warning',
        html`${heading(2, t('share.duplicates.heading'), { id: 'duplicates-heading' })}${paragraph(t('share.duplicates.intro'))}`,
        { role: 'alert' },
      )
    : ''
}
<form method="post" action="${localePath(locale, '/tools/share')}" class="citydeal-form citydeal-share-form" novalidate data-similar-url="/api/v1/similar-tools" data-lang="${locale}">
<input type="hidden" name="_csrf" value="${options.csrfToken}">
<button type="submit" class="citydeal-default-submit" tabindex="-1" aria-hidden="true">${t('share.submit')}</button>
${options.addition ? html`<input type="hidden" name="additionTo" value="${options.addition.slug}">${alert('info', paragraph(html`${t('share.addition.intro')} ${link(localePath(locale, `/tools/${options.addition.slug}`), options.addition.name)}`))}` : ''}
${heading(2, t('share.section.tool'))}
${renderFields({ id: 'share', fields: fields.identity, problems, locale })}
<section class="citydeal-duplicates" aria-labelledby="share-live-heading" data-reason-labels="${JSON.stringify(reasonLabels(locale))}" data-texts="${JSON.stringify({ pending: t('share.candidate.pendingSubmission'), pendingName: t('share.candidate.pendingName'), add: t('share.addToThis', { name: '{name}' }), none: t('share.live.none') })}">
<h2 class="utrecht-heading-2" id="share-live-heading"${likely.length > 0 || options.duplicates.length > 0 ? '' : html` hidden`}>${t('share.live.heading')}</h2>
<div class="citydeal-duplicates__list" aria-live="polite">${options.duplicates.length > 0 ? duplicatesList(locale, options.duplicates, { actions: !options.addition }) : ''}</div>
${likely.length > 0 ? checkboxField({ id: 'share-confirmDifferent', name: 'confirmDifferent', value: 'on', checked: false, label: t('share.confirmDifferent') }) : ''}
</section>
${heading(2, t('share.section.details'))}
${renderFields({ id: 'share', fields: [...sharedFieldSpecs(locale, options.values), ...fields.details], problems, locale })}
${municipalityList(reference)}
${heading(2, t('share.section.you'))}
${renderFields({
  id: 'share',
  fields: [
    { name: 'contactEmail', type: 'email', value: typeof options.values.contactEmail === 'string' ? options.values.contactEmail : undefined, maxLength: 254, required: true, autocomplete: 'email', hint: t('share.hint.contactEmail') },
    noteField(locale, options.values),
  ],
  problems,
  locale,
})}
<div class="citydeal-hp"><label for="share-homepage">${t('share.honeypot')}</label><input type="text" id="share-homepage" name="homepage" tabindex="-1" autocomplete="off"></div>
<p class="utrecht-paragraph">${button(t('share.submit'))}</p>
</form>
<script src="/assets/share.js" defer></script>`
  return simplePage(ctx, { title: options.addition ? t('share.addition.title', { name: options.addition.name }) : t('share.title'), intro: options.addition ? t('share.addition.pageIntro') : t('share.intro'), flash: options.flash, section: 'share', index: !options.addition }, content)
}
