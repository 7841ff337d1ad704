import { localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { FormState } from '../../../plugins/forms.ts'
import { link, paragraph } from '../../../views/components/index.ts'
import { renderForm, str, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { refusalAlert } from '../../admin/views/admin.format.ts'
import type { Programme } from '../programme.figures.ts'
import { PROGRAMME_NAME_MAX } from '../programme.schemas.ts'

const TARGET_FIELDS = ['targetContent', 'targetGovernance', 'targetStartedInYear', 'targetStartedAtSigning'] as const

/** /admin/programme: the programme's name, dates and targets (a second editor gets a conflict). */
export function programmeAdminPage(ctx: PageContext, model: { programme: Programme; csrfToken: string; flash?: MessageKey | undefined; refused?: FormState | undefined }): string {
  const { locale } = ctx
  const t = translator(locale)
  const { programme, refused } = model
  const stored: FormValues = {
    name: programme.name,
    startsOn: programme.startsOn,
    signingOn: programme.signingOn,
    targetContent: String(programme.targets.content),
    targetGovernance: String(programme.targets.governance),
    targetStartedInYear: String(programme.targets.startedInYear),
    targetStartedAtSigning: String(programme.targets.startedAtSigning),
    version: String(programme.version),
  }
  const values = refused?.values ?? stored
  return simplePage(
    ctx,
    { title: t('programme.admin.title'), intro: t('programme.admin.intro'), section: 'admin', flash: model.flash },
    html`${refusalAlert(locale, refused?.error, true)}
${paragraph(link(localePath(locale, '/programme'), t('programme.admin.publicPage')))}
${renderForm({
  id: 'programme',
  action: localePath(locale, '/admin/programme'),
  csrfToken: model.csrfToken,
  locale,
  problems: refused?.problems ?? [],
  submitLabel: t('programme.admin.save'),
  fields: [
    { name: 'name', type: 'text', value: str(values, 'name'), maxLength: PROGRAMME_NAME_MAX, required: true, label: t('programme.field.name') },
    { name: 'startsOn', type: 'date', value: str(values, 'startsOn'), required: true, label: t('programme.field.startsOn') },
    { name: 'signingOn', type: 'date', value: str(values, 'signingOn'), required: true, label: t('programme.field.signingOn') },
    ...TARGET_FIELDS.map((name) => ({ name, type: 'text' as const, value: str(values, name), maxLength: 4, required: true, label: t(`programme.field.${name}`) })),
    { name: 'version', type: 'hidden', value: str(values, 'version') ?? String(programme.version) },
  ],
})}`,
  )
}
