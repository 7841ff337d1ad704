// Sharing a tool (the form, possible duplicates) and following a submission.

import type { MessageTable } from './table.ts'

export const shareMessages = {
  'share.title': { nl: 'Deel een bestaande tool', en: 'Share an existing tool' },
  'share.addition.title': { nl: 'Vul {name} aan', en: 'Add to {name}' },
  'share.addition.intro': { nl: 'U vult een tool aan die al in de toolbox staat:', en: 'You are adding to a tool that is already in the toolbox:' },
  'share.intro': {
    nl: 'Kent u een tool die steden, dorpen of regio’s helpt bij digitalisering? Deel hem met ons, dan hoeft niemand het wiel opnieuw uit te vinden. U hebt geen account nodig. Een curator van de Future City Foundation bekijkt uw inzending en u kunt via een persoonlijke link volgen wat ermee gebeurt.',
    en: 'Do you know a tool that helps cities, villages or regions with digitalisation? Share it with us so that nobody has to reinvent the wheel. You do not need an account. A curator at the Future City Foundation reviews your submission, and a personal link lets you follow what happens to it.',
  },
  'share.addition.pageIntro': {
    nl: 'Weet u meer over deze tool dan de toolbox laat zien? Vul aan wat u weet: een website, de organisatie erachter, gemeenten die hem gebruiken of een betere beschrijving. Alleen wat u invult telt; een curator verwerkt het in de tool en u kunt via een persoonlijke link volgen wat ermee gebeurt.',
    en: 'Do you know more about this tool than the toolbox shows? Add what you know: a website, the organisation behind it, municipalities that use it or a better description. Only what you fill in counts; a curator adds it to the tool, and a personal link lets you follow what happens to it.',
  },
  'share.hint.descriptionAddition': {
    nl: 'Alleen als u een betere beschrijving weet. Hoogstens 1000 tekens.',
    en: 'Only if you know a better description. At most 1000 characters.',
  },
  'share.hint.processes': {
    nl: 'Ontwerpen, inrichten, beheren of besturen van de stad. Kies er zoveel als van toepassing.',
    en: 'Designing, furnishing, managing or governing the city. Choose as many as apply.',
  },
  'field.toolStatus': { nl: 'Hoe ver is de tool?', en: 'How far along is the tool?' },
  'field.municipality1': { nl: 'Gemeente die de tool gebruikt', en: 'Municipality that uses the tool' },
  'field.municipality2': { nl: 'Tweede gemeente die de tool gebruikt', en: 'Second municipality that uses the tool' },
  'field.municipality3': { nl: 'Derde gemeente die de tool gebruikt', en: 'Third municipality that uses the tool' },
  'share.hint.municipalities': {
    nl: 'Typ de naam van de gemeente en kies uit de lijst, bijvoorbeeld Utrecht of Den Bosch.',
    en: 'Type the name of the municipality and choose from the list, for example Utrecht or Den Bosch.',
  },
  'share.municipality.unknown': {
    nl: 'We kennen geen gemeente “{value}”. Kies een naam uit de lijst of laat het veld leeg.',
    en: 'We know no municipality “{value}”. Choose a name from the list or leave the field empty.',
  },
  'share.section.tool': { nl: 'De tool', en: 'The tool' },
  'share.section.details': { nl: 'Meer over de tool', en: 'More about the tool' },
  'share.section.you': { nl: 'Over u', en: 'About you' },
  'share.hint.name': {
    nl: 'De naam waaronder de tool bekend is. We zoeken meteen of we hem al hebben.',
    en: 'The name the tool is known by. We check straight away whether we already have it.',
  },
  'share.hint.description': {
    nl: 'Wat doet de tool en welk proces verandert hij? Hoogstens 1000 tekens.',
    en: 'What does the tool do and which process does it change? At most 1000 characters.',
  },
  'share.hint.websiteUrl': {
    nl: 'Het webadres van de tool, beginnend met https:// of http://.',
    en: 'The tool’s web address, starting with https:// or http://.',
  },
  'share.hint.ownerName': {
    nl: 'De organisatie die de tool beheert, als u die weet.',
    en: 'The organisation that maintains the tool, if you know it.',
  },
  'share.hint.themes': {
    nl: 'Welke thema’s raakt de tool? Kies er zoveel als u wilt.',
    en: 'Which themes does the tool touch? Choose as many as you like.',
  },
  'share.hint.sdgTargets': {
    nl: 'Aan welke doelen van SDG 11 (duurzame steden) draagt de tool bij?',
    en: 'Which targets of SDG 11 (sustainable cities) does the tool contribute to?',
  },
  'share.hint.licence': { nl: 'Bijvoorbeeld EUPL-1.2, CC BY 4.0 of “commercieel”.', en: 'For example EUPL-1.2, CC BY 4.0 or “commercial”.' },
  'share.hint.contactEmail': {
    nl: 'Hierheen sturen we de bevestiging met de link om uw inzending te volgen. We tonen uw adres nergens.',
    en: 'We send the confirmation with the link to follow your submission here. We never show your address.',
  },
  'share.hint.note': {
    nl: 'Wat moet de curator nog weten? Bij een aanvulling op een bestaande tool: wat weet u erover?',
    en: 'Anything the curator should know? For an addition to an existing tool: what do you know about it?',
  },
  'share.unknown': { nl: 'Weet ik niet', en: 'I don’t know' },
  'share.honeypot': { nl: 'Laat dit veld leeg', en: 'Leave this field empty' },
  'share.submit': { nl: 'Tool delen', en: 'Share tool' },
  'share.thanks': { nl: 'Bedankt voor uw inzending.', en: 'Thank you for your submission.' },
  'share.live.heading': { nl: 'Bestaat deze tool al?', en: 'Do we have this tool already?' },
  'share.live.none': { nl: 'Geen vergelijkbare tools gevonden.', en: 'No similar tools found.' },
  'share.duplicates.heading': { nl: 'Lijkt dit op een tool die we al kennen?', en: 'Is this a tool we already know?' },
  'share.duplicates.intro': {
    nl: 'We vonden tools die op de uwe lijken, met de reden erbij. Is het dezelfde tool, voeg dan toe wat u weet. Is uw tool een andere, vink dat dan aan en verstuur opnieuw. Alles wat u invulde staat er nog.',
    en: 'We found tools that look like yours, each with the reason. If it is the same tool, add what you know to it. If yours is a different one, tick the box and send again. Everything you entered is still there.',
  },
  'share.duplicates.problem': { nl: 'Deze tool lijkt op een tool die we al hebben.', en: 'This tool looks like one we already have.' },
  'share.duplicates.apiDetail': {
    nl: 'Stuur opnieuw met "confirmDifferent": true als het een andere tool is, of met "additionTo": de slug van de tool om aan te vullen.',
    en: 'Send again with "confirmDifferent": true if it is a different tool, or with "additionTo": the slug of the tool to add to.',
  },
  'share.confirmDifferent': { nl: 'Mijn tool is een andere dan deze', en: 'My tool is a different one from these' },
  'share.addToThis': { nl: 'Dit is mijn tool: voeg wat ik weet toe aan {name}', en: 'This is my tool: add what I know to {name}' },
  'share.additionTo.unknown': { nl: 'Die tool bestaat niet (meer).', en: 'That tool does not exist (any more).' },
  'share.candidate.pendingSubmission': { nl: 'Al ingezonden, wordt beoordeeld', en: 'Already submitted, under review' },
  'share.candidate.inDevelopment': { nl: 'In ontwikkeling ({status})', en: 'In development ({status})' },
  'share.reason.same_website': { nl: 'Zelfde website of pagina', en: 'Same website or page' },
  'share.reason.alias_or_acronym': { nl: 'Bekende andere naam of afkorting', en: 'Known other name or acronym' },
  'share.reason.similar_name': { nl: 'Vergelijkbare naam', en: 'Similar name' },
  'share.reason.other_language': { nl: 'Dezelfde tool in de andere taal', en: 'The same tool in the other language' },
  'share.reason.similar_description': { nl: 'Vergelijkbare beschrijving', en: 'Similar description' },

  'submission.title': { nl: 'Uw inzending: {name}', en: 'Your submission: {name}' },
  'submission.received': {
    nl: 'Bedankt! We hebben uw inzending ontvangen en u een e-mail gestuurd met de link naar deze pagina.',
    en: 'Thank you! We received your submission and sent you an e-mail with the link to this page.',
  },
  'submission.replied': {
    nl: 'Bedankt voor uw antwoord. Een curator kijkt er opnieuw naar.',
    en: 'Thank you for your answer. A curator will look at it again.',
  },
  'submission.status.pending': { nl: 'Wordt beoordeeld', en: 'Under review' },
  'submission.status.needs_info': { nl: 'Vraag aan u', en: 'Question for you' },
  'submission.status.published': { nl: 'Gepubliceerd', en: 'Published' },
  'submission.status.merged': { nl: 'Toegevoegd aan een bestaande tool', en: 'Added to an existing tool' },
  'submission.status.rejected': { nl: 'Niet opgenomen', en: 'Not included' },
  'submission.status.pending.explanation': {
    nl: 'Een curator bekijkt uw inzending. Dat duurt meestal een paar werkdagen.',
    en: 'A curator is reviewing your submission. This usually takes a few working days.',
  },
  'submission.status.needs_info.explanation': {
    nl: 'Een curator heeft een vraag. U kunt hieronder antwoorden.',
    en: 'A curator has a question. You can answer below.',
  },
  'submission.status.published.explanation': { nl: 'Uw tool staat in de toolbox.', en: 'Your tool is in the toolbox.' },
  'submission.status.merged.explanation': {
    nl: 'De tool stond al in de toolbox; wat u wist is eraan toegevoegd.',
    en: 'The tool was already in the toolbox; what you knew has been added to it.',
  },
  'submission.status.rejected.explanation': {
    nl: 'Uw inzending is niet opgenomen in de toolbox.',
    en: 'Your submission has not been included in the toolbox.',
  },
  'submission.question': { nl: 'De vraag van de curator', en: 'The curator’s question' },
  'submission.reason': { nl: 'De reden', en: 'The reason' },
  'submission.seeTool': { nl: 'Bekijk de tool:', en: 'See the tool:' },
  'submission.reply.heading': { nl: 'Antwoorden', en: 'Answer' },
  'submission.reply.note': { nl: 'Uw antwoord', en: 'Your answer' },
  'submission.reply.submit': { nl: 'Antwoord versturen', en: 'Send answer' },
  'submission.reply.notAsked': {
    nl: 'Er staat geen vraag meer open voor deze inzending; uw antwoord is niet verwerkt. Laad de pagina opnieuw.',
    en: 'No question is open for this submission any more; your answer was not processed. Please reload the page.',
  },
  'submission.what': { nl: 'Wat u instuurde', en: 'What you sent' },
  'submission.additionTo': { nl: 'Aanvulling op', en: 'Addition to' },
  'submission.timeline': { nl: 'Verloop', en: 'History' },
  'submission.keepLink': {
    nl: 'Bewaar de link naar deze pagina: alleen wie hem heeft, kan uw inzending zien.',
    en: 'Keep the link to this page: only people who have it can see your submission.',
  },
  'submission.event.submitted': { nl: 'Ingezonden', en: 'Submitted' },
  'submission.event.edited': { nl: 'Bijgewerkt door een curator', en: 'Updated by a curator' },
  'submission.event.info_requested': { nl: 'Een curator vroeg om meer informatie', en: 'A curator asked for more information' },
  'submission.event.replied': { nl: 'U antwoordde', en: 'You answered' },
  'submission.event.published': { nl: 'Gepubliceerd in de toolbox', en: 'Published in the toolbox' },
  'submission.event.merged': { nl: 'Toegevoegd aan een bestaande tool', en: 'Added to an existing tool' },
  'submission.event.rejected': { nl: 'Niet opgenomen', en: 'Not included' },

  'share.candidate.pendingName': { nl: 'Een vergelijkbare tool die nog wordt beoordeeld', en: 'A similar tool that is still under review' },
} as const satisfies MessageTable
