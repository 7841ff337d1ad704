// Error pages, API problem titles and validation messages.

import type { MessageTable } from './table.ts'

export const errorsMessages = {
  'error.title': { nl: 'Er ging iets mis', en: 'Something went wrong' },
  'error.notFoundTitle': { nl: 'Pagina niet gevonden', en: 'Page not found' },
  'error.searchLabel': { nl: 'Zoek een tool in de catalogus', en: 'Search the catalogue for a tool' },
  'error.notFound': { nl: 'Deze pagina bestaat niet.', en: 'This page does not exist.' },
  'error.notSoftware': { nl: 'Alleen softwaretools hebben een publiccode.yml; “{slug}” is geen software.', en: 'Only software tools have a publiccode.yml; “{slug}” is not software.' },
  'error.vocabularyNotFound': { nl: 'Er is geen codelijst “{name}”.', en: 'There is no code list “{name}”.' },
  'error.toolNotFound': { nl: 'Er is geen tool met het adres “{slug}”.', en: 'There is no tool at the address “{slug}”.' },
  'error.pageOutOfRange': { nl: 'Pagina {page} bestaat niet; er zijn {pages} pagina’s.', en: 'Page {page} does not exist; there are {pages} pages.' },
  'error.validation': { nl: 'De invoer klopt niet.', en: 'The input is not valid.' },
  'error.forbidden': { nl: 'U heeft geen toegang tot deze pagina.', en: 'You do not have access to this page.' },
  'error.conflict': {
    nl: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.',
    en: 'Someone else changed this in the meantime. Please reload the page.',
  },
  'error.internal': {
    nl: 'Er ging aan onze kant iets mis. Probeer het later opnieuw.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  'error.unavailable': { nl: 'De toolbox is tijdelijk niet beschikbaar.', en: 'The toolbox is temporarily unavailable.' },
  'error.backToCatalogue': { nl: 'Naar alle tools', en: 'To all tools' },
  'error.methodNotAllowed': {
    nl: 'Dit adres werkt niet met {method}, alleen met {allow}.',
    en: 'This address does not take {method}, only {allow}.',
  },
  'error.badRequest': { nl: 'Dit verzoek kunnen we niet verwerken.', en: 'We cannot process this request.' },

  'validation.tooLong': { nl: 'Mag hoogstens {max} tekens lang zijn.', en: 'May be at most {max} characters long.' },
  'validation.unknownValue': { nl: 'Onbekende waarde “{value}”.', en: 'Unknown value “{value}”.' },
  'validation.notAPage': { nl: 'Moet een paginanummer zijn (een geheel getal vanaf 1).', en: 'Must be a page number (a whole number from 1).' },
  'validation.tooManyValues': { nl: 'Kies hoogstens {max} waarden.', en: 'Choose at most {max} values.' },
  'validation.numberBetween': { nl: 'Moet een geheel getal van {min} tot en met {max} zijn.', en: 'Must be a whole number from {min} to {max}.' },
  'validation.invalid': { nl: 'Ongeldige waarde.', en: 'Invalid value.' },
  'validation.field': { nl: '{field}: {message}', en: '{field}: {message}' },

  'error.unauthorized': { nl: 'Log in om deze pagina te gebruiken.', en: 'Sign in to use this page.' },
  'error.rateLimited': {
    nl: 'Te veel verzoeken achter elkaar. Wacht even en probeer het dan opnieuw.',
    en: 'Too many requests in a row. Please wait a moment and try again.',
  },
  'error.csrf': {
    nl: 'Dit formulier is verlopen of ongeldig. Laad de pagina opnieuw en probeer het nog eens.',
    en: 'This form has expired or is invalid. Reload the page and try again.',
  },
  'error.linkExpired': {
    nl: 'Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.',
    en: 'This link has expired or was already used. Please ask for a new one.',
  },
  'error.lastAdmin': { nl: 'Er moet minstens één actieve beheerder overblijven.', en: 'At least one active administrator must remain.' },
  'error.signIn': {
    nl: 'Het e-mailadres of wachtwoord klopt niet, of er is te vaak geprobeerd. Probeer het opnieuw of later nog eens.',
    en: 'The e-mail address or password is not right, or there were too many attempts. Try again, or later.',
  },
  'error.signInThrottled': {
    nl: 'Er is te vaak zonder succes geprobeerd om vanaf uw adres met dit e-mailadres in te loggen. Probeer het opnieuw na {time}. Wachtwoord vergeten? Vraag een nieuw aan; dat heft de wachttijd op.',
    en: 'There were too many failed attempts to sign in with this e-mail address from your address. Try again after {time}. Forgot your password? Ask for a new one; that lifts the wait.',
  },
  'error.signInThrottledAddress': {
    nl: 'Er is vanaf uw adres te vaak zonder succes geprobeerd in te loggen. Probeer het opnieuw na {time}.',
    en: 'There were too many failed attempts to sign in from your address. Try again after {time}.',
  },
  'error.unsupportedMediaType': {
    nl: 'Stuur de gegevens als JSON, met de header Content-Type: application/json.',
    en: 'Send the data as JSON, with the header Content-Type: application/json.',
  },
  'error.signInLink': { nl: 'Inloggen', en: 'Sign in' },
  'error.formProblems': { nl: 'Het formulier is niet verstuurd. Verbeter het volgende:', en: 'The form was not sent. Please correct the following:' },

  'validation.required': { nl: 'Vul dit veld in.', en: 'Please fill in this field.' },
  'validation.tooShort': { nl: 'Moet minstens {min} tekens lang zijn.', en: 'Must be at least {min} characters long.' },
  'validation.email': {
    nl: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    en: 'Enter a valid e-mail address, such as name@example.org.',
  },
  'validation.emailTaken': { nl: 'Er bestaat al een account met dit e-mailadres.', en: 'An account with this e-mail address already exists.' },
  'validation.passwordMismatch': { nl: 'De twee wachtwoorden zijn niet gelijk.', en: 'The two passwords are not the same.' },
  'validation.partnerNeedsOrganisation': {
    nl: 'Een partnerlid hoort bij een organisatie: kies er een.',
    en: 'A partner member belongs to an organisation: choose one.',
  },
  'validation.cbsCode': {
    nl: 'Een gemeente heeft een CBS-code als GM0363, een provincie als PV27.',
    en: 'A municipality has a CBS code like GM0363, a province like PV27.',
  },
  'validation.cbsCodeOnlyForGovernments': {
    nl: 'Alleen gemeenten en provincies hebben een CBS-code.',
    en: 'Only municipalities and provinces have a CBS code.',
  },
  'validation.cbsCodeTaken': { nl: 'Een andere organisatie heeft deze CBS-code al.', en: 'Another organisation already has this CBS code.' },
  'validation.mergeIntoItself': { nl: 'Kies een andere organisatie om mee samen te voegen.', en: 'Choose another organisation to merge with.' },
  'validation.date': { nl: 'Vul een datum in als 2026-12-03 (jaar-maand-dag).', en: 'Enter a date as 2026-12-03 (year-month-day).' },
  'validation.url': {
    nl: 'Vul een webadres in dat begint met http:// of https://, zoals https://voorbeeld.nl.',
    en: 'Enter a web address starting with http:// or https://, such as https://example.org.',
  },
  'validation.invalidCharacters': {
    nl: 'Bevat tekens die geen tekst zijn (een nul-teken of ongeldige UTF-8). Haal ze weg en probeer het opnieuw.',
    en: 'Contains characters that are not text (a NUL character or invalid UTF-8). Remove them and try again.',
  },
  'validation.jsonObject': { nl: 'Stuur een JSON-object.', en: 'Send a JSON object.' },
} as const satisfies MessageTable
