// Contact, privacy and accessibility statements, and the footer that links them.

import type { MessageTable } from './table.ts'

export const statementsMessages = {
  'site.footer.contact': { nl: 'Contact', en: 'Contact' },
  'site.footer.privacy': { nl: 'Privacy', en: 'Privacy' },
  'site.footer.accessibility': { nl: 'Toegankelijkheid', en: 'Accessibility' },
  'site.footer.links': { nl: 'Over deze site', en: 'About this site' },

  'contact.title': { nl: 'Contact', en: 'Contact' },
  'contact.intro': {
    nl: 'De toolbox wordt bijgehouden door de curatoren van de City Deal “Een slimme stad, zo doe je dat”, georganiseerd door de Future City Foundation.',
    en: 'The toolbox is kept by the curators of the City Deal “A smart city, this is how you do it”, organised by the Future City Foundation.',
  },
  'contact.tool.heading': { nl: 'Over een tool', en: 'About a tool' },
  'contact.tool.text': {
    nl: 'Weet u meer over een tool, of klopt er iets niet? Gebruik op de pagina van de tool “Weet u meer over deze tool?”. De curatoren krijgen uw aanvulling en u kunt volgen wat ermee gebeurt.',
    en: 'Do you know more about a tool, or is something wrong? Use “Do you know more about this tool?” on the tool’s page. The curators get your addition and you can follow what happens to it.',
  },
  'contact.share.heading': { nl: 'Een tool delen', en: 'Sharing a tool' },
  'contact.share.text': { nl: 'Kent u een tool die hier hoort? Deel hem met het deelformulier.', en: 'Do you know a tool that belongs here? Share it with the share form.' },
  'contact.share.link': { nl: 'Een tool delen', en: 'Share a tool' },
  'contact.partners.heading': { nl: 'Partners', en: 'Partners' },
  'contact.partners.text': {
    nl: 'Partners van de City Deal loggen in om hun tools bij te houden, mee te testen en te stemmen. Een account vraagt u aan bij de curatoren.',
    en: 'City Deal partners sign in to keep their tools up to date, take part in tests and vote. Ask the curators for an account.',
  },
  'contact.email': { nl: 'E-mail: {email}', en: 'E-mail: {email}' },

  'privacy.title': { nl: 'Privacyverklaring', en: 'Privacy statement' },
  'privacy.intro': {
    nl: 'De toolbox verzamelt zo weinig mogelijk persoonsgegevens: alleen wat nodig is om tools te delen, bij te houden en te testen. Er zijn geen advertenties, geen trackers en geen analysecookies.',
    en: 'The toolbox collects as little personal data as it can: only what sharing, keeping and testing tools needs. There are no adverts, no trackers and no analytics cookies.',
  },
  'privacy.what.heading': { nl: 'Welke gegevens en waarvoor', en: 'What data, and what for' },
  'privacy.what.accounts': {
    nl: 'Accounts van partners, curatoren en beheerders: naam, e-mailadres, organisatie en taal, om in te loggen en berichten te sturen.',
    en: 'Accounts of partners, curators and administrators: name, e-mail address, organisation and language, to sign in and to send messages.',
  },
  'privacy.what.submissions': {
    nl: 'Wie een tool deelt, geeft een e-mailadres: daarop komt de link om de inzending te volgen en horen zij wat de curatoren besluiten. Het adres is niet openbaar.',
    en: 'Whoever shares a tool gives an e-mail address: the link to follow the submission goes there, and the curators’ decision. The address is not public.',
  },
  'privacy.what.calls': {
    nl: 'Wie namens een gemeente op een oproep reageert, geeft een naam en e-mailadres. Alleen de eigenaar van de tool en de curatoren zien die; op de site staat alleen de gemeente.',
    en: 'Whoever answers a call on behalf of a municipality gives a name and e-mail address. Only the tool’s owner and the curators see them; the site shows only the municipality.',
  },
  'privacy.what.log': {
    nl: 'Elke wijziging wordt vastgelegd met wie haar deed, voor de beheerders. Openbaar staat alleen welke organisatie iets wijzigde, nooit welke persoon.',
    en: 'Every change is recorded with who made it, for the administrators. Publicly only the organisation that changed something is shown, never the person.',
  },
  'privacy.what.addresses': {
    nl: 'IP-adressen worden kort bewaard om misbruik tegen te gaan (te veel inlogpogingen of formulieren), en daarna verwijderd.',
    en: 'IP addresses are kept briefly to stop abuse (too many sign-in attempts or forms), and deleted afterwards.',
  },
  'privacy.cookies.heading': { nl: 'Cookies', en: 'Cookies' },
  'privacy.cookies.text': {
    nl: 'De site gebruikt alleen cookies die nodig zijn: een sessiecookie voor wie inlogt en een cookie die formulieren beschermt tegen misbruik (CSRF). Daar is geen toestemming voor nodig.',
    en: 'The site uses only the cookies it needs: a session cookie for whoever signs in, and a cookie that protects forms against abuse (CSRF). They need no consent.',
  },
  'privacy.retention.heading': { nl: 'Hoe lang', en: 'How long' },
  'privacy.retention.text': {
    nl: 'Accounts blijven bestaan zolang iemand partner, curator of beheerder is. E-mailadressen van wie een tool deelde, worden {months} maanden na het besluit over de inzending gewist.',
    en: 'Accounts exist as long as someone is a partner, curator or administrator. E-mail addresses of those who shared a tool are erased {months} months after the decision on the submission.',
  },
  'privacy.rights.heading': { nl: 'Uw rechten', en: 'Your rights' },
  'privacy.rights.text': {
    nl: 'U kunt de curatoren vragen welke gegevens de toolbox van u heeft, en die laten verbeteren of verwijderen (zie Contact).',
    en: 'You can ask the curators which data the toolbox holds about you, and have it corrected or erased (see Contact).',
  },

  'accessibility.title': { nl: 'Toegankelijkheidsverklaring', en: 'Accessibility statement' },
  'accessibility.intro': {
    nl: 'De City Deal Toolbox wil voor iedereen bruikbaar zijn: op elk apparaat, met een schermlezer, zonder muis en zonder JavaScript. Het doel is de norm die voor Nederlandse overheidswebsites geldt: WCAG 2.1 niveau AA (EN 301 549).',
    en: 'The City Deal Toolbox aims to be usable for everyone: on any device, with a screen reader, without a mouse and without JavaScript. The goal is the standard for Dutch public-sector websites: WCAG 2.1 level AA (EN 301 549).',
  },
  'accessibility.how.heading': { nl: 'Hoe we dat controleren', en: 'How we check it' },
  'accessibility.how.text': {
    nl: 'Bij elke wijziging controleren geautomatiseerde tests de pagina’s met axe-core in een echte browser, op 1280 en 375 pixels breed, en lopen ze de belangrijkste taken door zonder JavaScript. Er is nog geen onderzoek door een onafhankelijke deskundige gedaan; daarom is de status: voldoet gedeeltelijk.',
    en: 'With every change, automated tests check the pages with axe-core in a real browser, at 1280 and 375 pixels wide, and walk through the main tasks without JavaScript. No independent expert has audited the site yet; the status is therefore: partially compliant.',
  },
  'accessibility.known.heading': { nl: 'Bekende beperkingen', en: 'Known limitations' },
  'accessibility.known.text': {
    nl: 'Verplichte velden in formulieren zijn nog niet als zodanig gemarkeerd in het label; een formulier meldt een ontbrekend veld wel bovenaan en bij het veld.',
    en: 'Required form fields are not yet marked as such in their label; a form does report a missing field at the top and beside the field.',
  },
  'accessibility.report.heading': { nl: 'Iets werkt niet voor u?', en: 'Something does not work for you?' },
  'accessibility.report.text': {
    nl: 'Meld het bij de curatoren (zie Contact). We reageren binnen tien werkdagen en lossen het zo snel mogelijk op.',
    en: 'Tell the curators (see Contact). We answer within ten working days and fix it as soon as we can.',
  },
} as const satisfies MessageTable
