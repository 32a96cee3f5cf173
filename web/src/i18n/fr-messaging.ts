// French copy of "Contacter mon praticien" (docs/messaging.md, issue 15, MSG1): the patient's
// conversations and new message, a thread, and the practitioner's messages and setting. Merged
// into fr.ts; en-messaging.ts has the same shape.
export const frMessaging = {
  messages: {
    navLink: 'Messages',
    title: 'Contacter mon praticien',
    homeCard:
      'Une question après une consultation : renouvellement, résultat, traitement. Votre praticien vous répond ici.',
    lead: 'Écrivez à un praticien que vous avez déjà consulté : renouvellement, résultat, question sur le traitement.',
    emergency: 'Pas pour les urgences : appelez le 15 (SAMU) ou le 112, ou envoyez un SMS au 114.',
    answerTime: 'Le délai de réponse dépend de votre praticien.',
    new: 'Nouveau message',
    list: 'Vos conversations',
    empty: 'Aucune conversation pour l’instant.',
    unreadBadge: '{n} messages non lus',
    unreadBadgeOne: '1 message non lu',
    unread: '{n} non lus',
    unreadOne: '1 non lu',
    reasons: {
      renewal: 'Renouvellement',
      result: 'Résultat',
      treatment: 'Question sur le traitement',
      administrative: 'Document administratif',
      other: 'Autre',
    },
    closedTag: 'Conversation close',
    with: 'Avec {name}',
    forProfile: 'Pour {name}',
    lastAt: 'Dernier message {when}',
    paused: 'Mise à jour en direct interrompue. Reconnexion en cours…',
    noPractitioners: 'Vous pourrez écrire à un praticien après une première consultation avec lui.',
    form: {
      title: 'Nouveau message',
      practitioner: 'Praticien',
      practitionerHint: 'Les praticiens que vous avez déjà consultés.',
      choose: 'Choisissez',
      notOpen: '{name} — ne reçoit pas de messages',
      profile: 'Pour qui ?',
      reason: 'Motif',
      message: 'Votre message',
      messageHint: '5 000 caractères au plus.',
      send: 'Envoyer',
      sending: 'Envoi…',
      cancel: 'Annuler',
    },
    problems: {
      required: 'Ce champ est à remplir.',
      closed:
        'Ce praticien ne reçoit pas de messages sur Cabinet. Prenez rendez-vous pour le consulter.',
      too_long: 'Votre message fait 5 000 caractères au plus.',
    },
    refusals: {
      no_prior_consultation:
        'Vous pourrez écrire à ce praticien après une consultation avec lui. Prenez d’abord rendez-vous.',
      messaging_closed:
        'Ce praticien ne reçoit plus de messages sur Cabinet. Prenez rendez-vous pour le consulter.',
      conversation_closed:
        'Cette conversation a été close par le praticien. Pour une autre question, écrivez un nouveau message.',
      rate_limited: 'Vous avez envoyé beaucoup de messages. Réessayez dans un moment.',
    },
    thread: {
      back: 'Toutes les conversations',
      log: 'Messages de la conversation',
      you: 'Vous',
      reply: 'Votre réponse',
      send: 'Envoyer',
      attach: 'Joindre un fichier',
      attachHint: 'Un fichier par message : JPEG, PNG, PDF, RTF, TIFF ou TXT, 5 Mo au plus.',
      removeFile: 'Retirer le fichier',
      fileChosen: 'Fichier joint : {name} ({size})',
      sendingFile: 'Envoi… {percent} %',
      download: 'Télécharger {name}',
      closedNote: 'Cette conversation est close : plus personne ne peut y écrire.',
      newLive: 'Nouveau message de {name}.',
      read: 'Lu',
    },
  },
  staffMessages: {
    title: 'Messages des patients',
    navLink: 'Messages',
    lead: 'Les questions de vos patients après une consultation. Seuls les patients que vous avez reçus peuvent vous écrire.',
    settings: 'Réglages de la messagerie',
    enabled: 'Recevoir les messages de mes patients',
    enabledHint:
      'Seuls les patients que vous avez déjà reçus en consultation peuvent vous écrire. Désactivée, vos conversations restent lisibles mais plus personne ne peut vous écrire.',
    assistants: 'Mes assistants voient que des conversations existent',
    assistantsHint:
      'Ils voient le patient, le motif et la date, pour vous le rappeler. Jamais le contenu des messages ni les pièces jointes.',
    save: 'Enregistrer les réglages',
    saved: 'Réglages enregistrés.',
    off: 'La messagerie est désactivée : vos patients ne peuvent pas vous écrire.',
    patient: 'Patient : {name}',
    closeConversation: 'Clore la conversation',
    closeConfirm:
      'Clore cette conversation ? Ni vous ni le patient ne pourrez plus y écrire. Le patient pourra ouvrir une nouvelle conversation.',
    closeYes: 'Oui, clore',
    closed: 'Conversation close.',
    assistantNote:
      'Vous voyez que ces conversations existent, pour le rappeler au praticien. Leur contenu lui est réservé.',
    assistantNone: 'Le praticien n’a pas partagé la liste de ses conversations.',
  },
};
