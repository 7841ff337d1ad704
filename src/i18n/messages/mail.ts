// E-mails: subjects and bodies.

import type { MessageTable } from './table.ts'

export const mailMessages = {
  'mail.secretWithheld': { nl: '[persoonlijke link: alleen in het verstuurde bericht, hier niet bewaard]', en: '[personal link: only in the message as sent, not kept here]' },
  'mail.invite.subject': { nl: 'Uitnodiging voor de City Deal Toolbox', en: 'Invitation to the City Deal Toolbox' },
  'mail.invite.body': {
    nl: 'Beste {name},\n\nU bent uitgenodigd voor de City Deal Toolbox. Kies een wachtwoord via deze link (zeven dagen geldig, werkt één keer):\n\n{link}\n\nHeeft u deze uitnodiging niet verwacht? Dan kunt u dit bericht negeren.\n\nCity Deal Toolbox',
    en: 'Dear {name},\n\nYou have been invited to the City Deal Toolbox. Choose a password with this link (valid for seven days, works once):\n\n{link}\n\nDid you not expect this invitation? Then you can ignore this message.\n\nCity Deal Toolbox',
  },
  'mail.reset.subject': { nl: 'Nieuw wachtwoord voor de City Deal Toolbox', en: 'New password for the City Deal Toolbox' },
  'mail.reset.body': {
    nl: 'Beste {name},\n\nIemand heeft gevraagd om een nieuw wachtwoord voor uw account. Stel het in via deze link (een uur geldig, werkt één keer):\n\n{link}\n\nHeeft u dit niet gevraagd? Dan hoeft u niets te doen; uw wachtwoord blijft hetzelfde.\n\nCity Deal Toolbox',
    en: 'Dear {name},\n\nSomeone asked for a new password for your account. Set it with this link (valid for one hour, works once):\n\n{link}\n\nDid you not ask for this? Then you need not do anything; your password stays the same.\n\nCity Deal Toolbox',
  },
  'mail.submission.received.subject': { nl: 'We hebben uw tool ontvangen', en: 'We received your tool' },
  'mail.submission.received.body': {
    nl: 'Bedankt voor het delen van “{name}” met de City Deal Toolbox.\n\nEen curator bekijkt uw inzending. Via deze persoonlijke link volgt u wat ermee gebeurt:\n{link}\n\nBewaar deze link: alleen wie hem heeft, kan uw inzending zien.',
    en: 'Thank you for sharing “{name}” with the City Deal Toolbox.\n\nA curator will review your submission. Follow what happens to it through this personal link:\n{link}\n\nKeep this link: only people who have it can see your submission.',
  },
  'mail.submission.infoRequested.subject': { nl: 'Een vraag over uw tool', en: 'A question about your tool' },
  'mail.submission.infoRequested.body': {
    nl: 'Een curator van de City Deal Toolbox heeft een vraag over “{name}”:\n\n{message}\n\nU kunt antwoorden via uw persoonlijke link:\n{link}',
    en: 'A curator of the City Deal Toolbox has a question about “{name}”:\n\n{message}\n\nYou can answer through your personal link:\n{link}',
  },
  'mail.submission.published.subject': { nl: 'Uw tool staat in de toolbox', en: 'Your tool is in the toolbox' },
  'mail.submission.published.body': {
    nl: 'Goed nieuws: “{name}” staat nu in de City Deal Toolbox:\n{toolLink}\n\nHet verloop van uw inzending:\n{link}',
    en: 'Good news: “{name}” is now in the City Deal Toolbox:\n{toolLink}\n\nThe history of your submission:\n{link}',
  },
  'mail.submission.merged.subject': { nl: 'Uw kennis is toegevoegd', en: 'What you know has been added' },
  'mail.submission.merged.body': {
    nl: 'De tool die u deelde (“{name}”) stond al in de City Deal Toolbox. Een curator heeft wat u wist eraan toegevoegd:\n{toolLink}\n\nHet verloop van uw inzending:\n{link}',
    en: 'The tool you shared (“{name}”) was already in the City Deal Toolbox. A curator has added what you knew to it:\n{toolLink}\n\nThe history of your submission:\n{link}',
  },
  'mail.submission.rejected.subject': { nl: 'Uw inzending is niet opgenomen', en: 'Your submission was not included' },
  'mail.submission.rejected.body': {
    nl: 'Bedankt voor het delen van “{name}”. Een curator heeft besloten hem niet op te nemen in de City Deal Toolbox, om deze reden:\n\n{message}\n\nHet verloop van uw inzending:\n{link}',
    en: 'Thank you for sharing “{name}”. A curator decided not to include it in the City Deal Toolbox, for this reason:\n\n{message}\n\nThe history of your submission:\n{link}',
  },
  'mail.curation.new.subject': { nl: 'Nieuwe inzending om te beoordelen (nr. {id})', en: 'New submission to review (no. {id})' },
  'mail.curation.new.body': {
    nl: 'Er is een tool gedeeld: “{name}”.\n\nBekijk en beoordeel hem:\n{link}',
    en: 'A tool has been shared: “{name}”.\n\nReview it here:\n{link}',
  },
  'mail.curation.newWithDuplicates.body': {
    nl: 'Er is een tool gedeeld: “{name}”. De inzender zag mogelijke dubbelen en gaf aan dat het een andere tool is, of vult er een aan: {duplicates}.\n\nBekijk en beoordeel hem:\n{link}',
    en: 'A tool has been shared: “{name}”. The submitter saw possible duplicates and said it is a different tool, or adds to one: {duplicates}.\n\nReview it here:\n{link}',
  },
} as const satisfies MessageTable
