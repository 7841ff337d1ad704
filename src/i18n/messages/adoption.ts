// Adoption ("we use this tool") and initiatives of others: how they read on the tool page, the pages where members
// record their use or ask to be involved, and the e-mails about requests to be involved.

import type { MessageTable } from './table.ts'

export const adoptionMessages = {
  'adoption.link': { nl: 'Wij gebruiken deze tool', en: 'We use this tool' },
  'adoption.title': { nl: 'Wij gebruiken “{name}”', en: 'We use “{name}”' },
  'adoption.intro.member': {
    nl: 'Leg vast dat {organisation} deze tool gebruikt: sinds wanneer, welke versie, en uw eigen variant als die er is (bijvoorbeeld uw verordening op basis van een modelverordening). Het gebruik staat daarna op de pagina van de tool en op die van {organisation}.',
    en: 'Record that {organisation} uses this tool: since when, which version, and your local variant if there is one (for example your own ordinance based on a model ordinance). The use then shows on the tool’s page and on that of {organisation}.',
  },
  'adoption.intro.curator': {
    nl: 'Leg namens een organisatie vast dat zij deze tool gebruikt. Kies de organisatie; staat haar gebruik al vast, dan wijzigt u het.',
    en: 'Record on behalf of an organisation that it uses this tool. Choose the organisation; if its use is recorded already, you change it.',
  },
  'adoption.recordedFor': { nl: 'Vastgelegd gebruik', en: 'Use recorded' },
  'adoption.editFor': { nl: 'Gebruik door {name} wijzigen', en: 'Change the use by {name}' },
  'adoption.save': { nl: 'Gebruik vastleggen', en: 'Record use' },
  'adoption.remove.heading': { nl: 'Niet meer in gebruik?', en: 'No longer in use?' },
  'adoption.remove.intro': { nl: 'Gebruikt {organisation} deze tool niet meer? Verwijder dan het vastgelegde gebruik.', en: 'Does {organisation} no longer use this tool? Then remove the recorded use.' },
  'adoption.remove': { nl: 'Gebruik door {organisation} verwijderen', en: 'Remove the use by {organisation}' },
  'adoption.done.saved': { nl: 'Het gebruik is vastgelegd.', en: 'The use has been recorded.' },
  'adoption.done.removed': { nl: 'Het vastgelegde gebruik is verwijderd.', en: 'The recorded use has been removed.' },
  'adoption.notAdoptable': {
    nl: 'Een tool in de levensfase “{status}” is nog niet in gebruik; gebruik vastleggen kan vanaf de testfase.',
    en: 'A tool in the status “{status}” is not in use yet; use can be recorded from testing on.',
  },
  'adoption.notFound': { nl: '{organisation} heeft geen vastgelegd gebruik van deze tool.', en: '{organisation} has no recorded use of this tool.' },
  'adoption.sinceInFuture': { nl: 'Vul een datum in die niet in de toekomst ligt.', en: 'Enter a date that is not in the future.' },
  'adoption.back': { nl: 'Terug naar de tool', en: 'Back to the tool' },
  'adoption.hint.organisation': { nl: 'De gemeente of organisatie die de tool gebruikt.', en: 'The municipality or organisation that uses the tool.' },
  'adoption.formHeading': { nl: 'Gebruik vastleggen of wijzigen', en: 'Record or change use' },
  'adoption.hint.toolVersion': { nl: 'Bijvoorbeeld “2.1” of “modelverordening 2024”.', en: 'For example “2.1” or “model ordinance 2024”.' },
  'adoption.hint.localVariant': { nl: 'Wat u anders doet dan de tool zelf, in het kort.', en: 'What you do differently from the tool itself, in short.' },
  'adoption.hint.localUrl': {
    nl: 'Waar uw eigen variant staat, bijvoorbeeld uw verordening op lokaleregelgeving.overheid.nl.',
    en: 'Where your local variant is published, for example your ordinance on lokaleregelgeving.overheid.nl.',
  },
  'adoption.localVariantOf': { nl: 'Eigen variant van {name}', en: 'Local variant of {name}' },
  'field.since': { nl: 'In gebruik sinds', en: 'In use since' },
  'field.toolVersion': { nl: 'Versie die u gebruikt', en: 'Version you use' },
  'field.localVariantNl': { nl: 'Eigen variant (Nederlands)', en: 'Local variant (Dutch)' },
  'field.localVariantEn': { nl: 'Eigen variant (Engels)', en: 'Local variant (English)' },
  'field.localUrl': { nl: 'Link naar uw eigen variant', en: 'Link to your local variant' },

  'history.tool.adoption_recorded': { nl: 'gebruik vastgelegd', en: 'use recorded' },
  'history.tool.adoption_removed': { nl: 'vastgelegd gebruik verwijderd', en: 'recorded use removed' },
  'history.tool.partner_added': { nl: 'partner toegevoegd', en: 'partner added' },

  'initiative.of': { nl: 'Initiatief van', en: 'An initiative of' },
  'initiative.unknownOrganiser': { nl: 'Initiatief van anderen; de organiserende partij is nog niet vastgelegd', en: 'An initiative of others; the organising party has not been recorded yet' },
  'initiative.partners': { nl: 'betrokken partners:', en: 'partners involved:' },
  'initiative.noPartners': { nl: 'nog geen betrokken partners', en: 'no partners involved yet' },
  'initiative.ask': { nl: 'Om betrokkenheid vragen', en: 'Ask to be involved' },
  'initiative.requests': { nl: 'Verzoeken om betrokkenheid', en: 'Requests to be involved' },

  'involvementRequest.title': { nl: 'Betrokken zijn bij “{name}”', en: 'Being involved in “{name}”' },
  'involvementRequest.intro': {
    nl: 'Dit is een initiatief van anderen. Een partner vraagt hier om betrokken te worden; de curatoren en de organiserende partij krijgen het verzoek en beslissen erover.',
    en: 'This is an initiative of others. A partner asks here to be involved; the curators and the organising party get the request and decide on it.',
  },
  'involvementRequest.askHeading': { nl: 'Vragen om betrokkenheid namens {organisation}', en: 'Asking to be involved on behalf of {organisation}' },
  'involvementRequest.notInitiative': { nl: 'Om betrokkenheid vragen kan alleen bij initiatieven van anderen.', en: 'Asking to be involved is only possible for initiatives of others.' },
  'involvementRequest.retired': { nl: 'Deze tool is buiten gebruik gesteld.', en: 'This tool has been retired.' },
  'involvementRequest.noOrganisation': { nl: 'Alleen leden van een organisatie vragen om betrokkenheid; uw account hoort bij geen organisatie.', en: 'Only members of an organisation ask to be involved; your account belongs to no organisation.' },
  'involvementRequest.youOrganise': { nl: '{organisation} is de organiserende partij van dit initiatief.', en: '{organisation} is the organising party of this initiative.' },
  'involvementRequest.already': { nl: '{organisation} is al als partner betrokken ({involvement}).', en: '{organisation} is already involved as a partner ({involvement}).' },
  'involvementRequest.alreadyOpen': {
    nl: 'Er staat al een verzoek van {organisation} open; de curatoren en de organiserende partij beslissen erover.',
    en: 'A request of {organisation} is open already; the curators and the organising party decide on it.',
  },
  'involvementRequest.openSince': { nl: 'Het verzoek van {organisation} van {date} ({involvement}) staat open.', en: 'The request of {organisation} of {date} ({involvement}) is open.' },
  'involvementRequest.submit': { nl: 'Verzoek versturen', en: 'Send request' },
  'involvementRequest.hint.involvement': { nl: 'Hoe nauw u betrokken wilt zijn.', en: 'How closely you want to be involved.' },
  'involvementRequest.hint.note': { nl: 'Wat u wilt bijdragen, of waarom u betrokken wilt zijn.', en: 'What you want to contribute, or why you want to be involved.' },
  'involvementRequest.pending': { nl: 'Openstaande verzoeken', en: 'Open requests' },
  'involvementRequest.none': { nl: 'Er staan geen verzoeken open.', en: 'There are no open requests.' },
  'involvementRequest.entry': { nl: '{organisation}, {date}: {involvement}', en: '{organisation}, {date}: {involvement}' },
  'involvementRequest.accept': { nl: 'Verzoek van {organisation} aanvaarden', en: 'Accept the request of {organisation}' },
  'involvementRequest.decline': { nl: 'Verzoek van {organisation} afwijzen', en: 'Decline the request of {organisation}' },
  'involvementRequest.alreadyDecided': { nl: 'Over dit verzoek is al beslist.', en: 'This request has already been decided.' },
  'involvementRequest.done.sent': { nl: 'Uw verzoek is verstuurd. U krijgt bericht zodra erover beslist is.', en: 'Your request has been sent. You will hear once it has been decided.' },
  'involvementRequest.done.accepted': { nl: 'Het verzoek is aanvaard: de organisatie staat nu als partner bij de tool.', en: 'The request has been accepted: the organisation is now a partner of the tool.' },
  'involvementRequest.done.declined': { nl: 'Het verzoek is afgewezen; de aanvrager krijgt bericht.', en: 'The request has been declined; the requester is told.' },

  'mail.involvement.requested.subject': { nl: 'Verzoek om betrokkenheid: {organisation} bij {tool}', en: 'Request to be involved: {organisation} in {tool}' },
  'mail.involvement.requested.body': {
    nl: '{organisation} vraagt om als partner betrokken te worden bij “{tool}”, een initiatief van anderen.\nGevraagde betrokkenheid: {involvement}\n\nToelichting:\n{note}\n\nAanvaarden of afwijzen:\n{link}',
    en: '{organisation} asks to be involved as a partner in “{tool}”, an initiative of others.\nInvolvement asked for: {involvement}\n\nNote:\n{note}\n\nAccept or decline:\n{link}',
  },
  'mail.involvement.noNote': { nl: '(geen toelichting)', en: '(no note)' },
  'mail.involvement.accepted.subject': { nl: 'Verzoek aanvaard: {tool}', en: 'Request accepted: {tool}' },
  'mail.involvement.accepted.body': {
    nl: 'Uw verzoek is aanvaard: {organisation} is nu als partner betrokken bij “{tool}” ({involvement}).\n\n{link}',
    en: 'Your request has been accepted: {organisation} is now involved as a partner in “{tool}” ({involvement}).\n\n{link}',
  },
  'mail.involvement.declined.subject': { nl: 'Verzoek afgewezen: {tool}', en: 'Request declined: {tool}' },
  'mail.involvement.declined.body': {
    nl: 'Uw verzoek om {organisation} als partner te betrekken bij “{tool}” is afgewezen. Met vragen kunt u terecht bij de organiserende partij of de curatoren van de toolbox.\n\n{link}',
    en: 'Your request to involve {organisation} as a partner in “{tool}” has been declined. With questions you can turn to the organising party or the toolbox curators.\n\n{link}',
  },
} as const satisfies MessageTable
