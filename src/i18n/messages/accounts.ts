// Signing in, activating an account, resetting a password, the own account page.

import type { MessageTable } from './table.ts'

export const accountsMessages = {
  'userRole.partner': { nl: 'Partnerlid', en: 'Partner member' },
  'userRole.curator': { nl: 'Curator', en: 'Curator' },
  'userRole.admin': { nl: 'Beheerder', en: 'Administrator' },

  'login.title': { nl: 'Inloggen', en: 'Sign in' },
  'login.intro': {
    nl: 'Inloggen is voor partners, curatoren en beheerders van de toolbox. Een account krijgt u op uitnodiging.',
    en: 'Signing in is for partners, curators and administrators of the toolbox. Accounts are by invitation.',
  },
  'login.submit': { nl: 'Inloggen', en: 'Sign in' },
  'login.forgot': { nl: 'Wachtwoord vergeten?', en: 'Forgot your password?' },
  'login.signedOut': { nl: 'U bent uitgelogd.', en: 'You have signed out.' },
  'login.passwordSet': { nl: 'Uw wachtwoord is ingesteld. U kunt nu inloggen.', en: 'Your password is set. You can sign in now.' },
  'account.passwordSet': { nl: 'Uw wachtwoord is ingesteld en u bent ingelogd.', en: 'Your password is set and you are signed in.' },

  'forgot.title': { nl: 'Wachtwoord vergeten', en: 'Forgot your password' },
  'forgot.intro': {
    nl: 'Vul uw e-mailadres in. Als er een account bij hoort, sturen we een link om een nieuw wachtwoord in te stellen. De link is een uur geldig.',
    en: 'Enter your e-mail address. If it belongs to an account, we will send a link to set a new password. The link is valid for one hour.',
  },
  'forgot.submit': { nl: 'Stuur de link', en: 'Send the link' },
  'forgot.sent': {
    nl: 'Als er een account bij dit e-mailadres hoort, is er nu een e-mail met een link onderweg.',
    en: 'If this e-mail address belongs to an account, an e-mail with a link is on its way.',
  },

  'activate.title': { nl: 'Uw account activeren', en: 'Activate your account' },
  'activate.intro': {
    nl: 'Welkom bij de City Deal Toolbox. Kies een wachtwoord voor uw account ({email}).',
    en: 'Welcome to the City Deal Toolbox. Choose a password for your account ({email}).',
  },
  'activate.submit': { nl: 'Wachtwoord instellen', en: 'Set password' },

  'reset.title': { nl: 'Nieuw wachtwoord instellen', en: 'Set a new password' },
  'reset.intro': {
    nl: 'Kies een nieuw wachtwoord voor {email}. Daarna wordt u overal uitgelogd.',
    en: 'Choose a new password for {email}. You will then be signed out everywhere.',
  },
  'reset.submit': { nl: 'Wachtwoord opslaan', en: 'Save password' },

  'account.title': { nl: 'Mijn account', en: 'My account' },
  'account.signedInAs': { nl: 'U bent ingelogd als {name} ({email}).', en: 'You are signed in as {name} ({email}).' },
  'account.role': { nl: 'Rol', en: 'Role' },
  'account.organisation': { nl: 'Organisatie', en: 'Organisation' },
  'account.signedIn': { nl: 'U bent ingelogd.', en: 'You are signed in.' },
} as const satisfies MessageTable
