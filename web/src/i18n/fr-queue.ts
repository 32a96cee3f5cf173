// French copy of the immediate queue (docs/queue.md): the list of queues (/maintenant), joining
// one (/maintenant/:specialty), the waiting screen (/maintenant/file/:entry) and the
// practitioner's page (/praticien/maintenant). Merged into fr.ts; en-queue.ts has the same shape.
export const frQueue = {
  queue: {
    // The entry points (home page, patient area).
    entry: {
      title: 'Consulter maintenant, sans rendez-vous',
      body: 'Un praticien disponible vous reçoit en vidéo, en général dans l’heure.',
      link: 'Consulter maintenant',
    },
    hours: {
      openRange: 'Ouvert de {from} à {to}',
      openUntil: 'Ouvert jusqu’à {to}',
      allDay: 'Ouvert jour et nuit',
      opensToday: 'Ouvre à {time}',
      opensTomorrow: 'Ouvre demain à {time}',
      opensOn: 'Ouvre {day} à {time}',
      open: 'Ouvert',
      closed: 'Fermé',
      midnight: 'minuit',
      noon: 'midi',
    },
    estimate: {
      range: 'environ {low} à {high} min',
      rangeLong: 'environ {low} à {high}',
      about: 'environ {n}',
      under: 'moins de {n}',
      soon: 'quelques instants',
      label: 'Attente estimée',
      line: 'Attente estimée : {wait}',
      unknown: 'Pas d’estimation tant qu’aucun praticien n’est disponible',
      how: 'Comment c’est calculé ?',
      howBody:
        'Nous multiplions votre place dans la file par la durée habituelle d’une consultation immédiate de cette spécialité (la durée médiane des dernières, ou 12 minutes tant qu’il y en a eu moins de 5), puis nous divisons par le nombre de praticiens disponibles.',
      howRange:
        'Les consultations durent plus ou moins longtemps : nous affichons donc une fourchette, de 0,7 à 1,5 fois ce résultat, arrondie à 5 minutes.',
    },
    position: {
      next: 'Vous êtes le prochain',
      nth: 'Vous êtes {nth}',
      nowNext: 'Vous êtes maintenant le prochain.',
      nowNth: 'Vous êtes maintenant {nth} dans la file.',
    },
    ahead: {
      none: 'Personne avant vous',
      one: '1 personne avant vous',
      many: '{n} personnes avant vous',
    },
    onDuty: {
      none: 'Aucun praticien disponible pour le moment',
      one: '1 praticien disponible',
      many: '{n} praticiens disponibles',
    },
    waiting: {
      none: 'Personne n’attend',
      one: '1 personne attend',
      many: '{n} personnes attendent',
    },
    fee: {
      label: 'Frais de service',
      amount: '{amount}, non remboursables',
      waivedWhy: 'offerts ({why})',
      waived: 'offerts',
      line: 'Frais de service : {fee}',
    },
    end: {
      gone: 'La page est restée fermée trop longtemps.',
      noAnswer: 'Vous n’avez pas rejoint la salle après deux appels.',
      closed: 'La file d’attente a fermé.',
      generic: 'Votre place a été libérée.',
    },

    // /maintenant
    list: {
      title: 'Consulter maintenant',
      lead: 'Sans rendez-vous : rejoignez la file d’attente, un praticien disponible vous reçoit en vidéo.',
      listLabel: 'Files d’attente',
      price: 'Consultation : {amount} au plus',
      join: 'Consulter maintenant',
      closedNote: 'En dehors de ces horaires, prenez rendez-vous avec un praticien.',
      book: 'Prendre rendez-vous',
      empty: 'Aucune consultation immédiate n’est proposée pour le moment.',
      already: 'Vous êtes dans la file d’attente : {label}, pour {name}.',
      alreadyLink: 'Voir votre place',
      noCharge:
        'Une empreinte bancaire est faite en rejoignant la file : rien n’est débité avant la fin de la consultation.',
      slow: 'Le chargement prend plus de temps que d’habitude.',
    },

    // /maintenant/:specialty
    join: {
      title: 'Consultation immédiate',
      lead: '{label} · en vidéo, sans rendez-vous',
      steps: {
        account: 'Compte',
        profile: 'Pour qui',
        emergency: 'Urgence',
        details: 'Motif',
        price: 'Prix',
        card: 'Carte',
      },
      account: {
        title: 'Connectez-vous pour consulter maintenant',
        body: 'Connectez-vous à votre compte patient : vous reviendrez ici, à l’étape suivante.',
        login: 'Se connecter',
        noAccount: 'Pas encore de compte ?',
        signup: 'Créer un compte patient',
        signupNote:
          'Après la confirmation de votre adresse e-mail, revenez à « Consulter maintenant » depuis votre espace patient.',
        wrongRole:
          'Les consultations immédiates se font avec un compte patient. Vous êtes connecté avec un compte professionnel.',
      },
      profileHint: 'La consultation, l’ordonnance et la feuille de soins iront dans ce profil.',
      addRelativeNote: 'Revenez ensuite ici avec le bouton « Retour » du navigateur.',
      details: {
        title: 'Votre demande',
        reason: 'Le motif, en une ligne',
        reasonHint:
          'Par exemple : « Fièvre depuis hier soir ». Les praticiens disponibles le lisent avant de vous prendre en charge.',
        count: '{n} caractères sur {max}',
        reasonRequired: 'Indiquez le motif en quelques mots.',
        reasonTooLong: 'Le motif doit tenir en {max} caractères.',
        commune: 'Commune où habite la personne qui consulte',
        communeHint:
          'Le remboursement en dépend : un praticien éloigné de chez vous n’est pas remboursé. Tapez le nom ou le code postal, puis choisissez dans la liste.',
        communeRemembered: 'La commune utilisée la dernière fois sur cet appareil.',
        communeRequired: 'Choisissez la commune dans la liste.',
      },
      price: {
        title: 'Prix et remboursement',
        caption: 'Ce que coûte la consultation pour {name}',
        consultation: 'Consultation (au plus)',
        fee: 'Frais de service',
        hold: 'Empreinte bancaire',
        holdNote:
          'L’empreinte couvre la consultation et les frais. Rien n’est débité avant la fin de la consultation ; si vous quittez la file, l’empreinte est levée.',
        reimbursementCaption: 'Remboursement estimé de la consultation',
        distantTitle: 'Les praticiens disponibles exercent loin de votre commune',
        distantBody:
          'Si l’un d’eux vous prend en charge, la consultation ne sera pas remboursée par l’Assurance Maladie.',
        notReimbursableTitle: 'Cette consultation ne sera pas remboursée',
        failed: 'Le prix n’a pas pu être calculé.',
        continue: 'Continuer vers la carte',
        continueAnyway: 'Continuer sans remboursement',
      },
      card: {
        title: 'Carte bancaire',
        submit: 'Rejoindre la file',
        submitting: 'Inscription dans la file…',
        note: 'Une empreinte de {amount} est faite sur la carte. Rien n’est débité avant la fin de la consultation.',
      },
      already: {
        title: 'Ce profil est déjà dans la file d’attente',
        body: '{name} attend déjà une consultation immédiate.',
        link: 'Voir sa place dans la file',
        none: 'Retrouvez-la depuis « Consulter maintenant ».',
      },
      closed: {
        title: 'La file d’attente est fermée',
        body: 'Les consultations immédiates ne sont pas proposées à cette heure-ci.',
        toList: 'Voir les horaires',
      },
      unknown: {
        title: 'Consultation immédiate introuvable',
        body: 'Aucune file d’attente ne porte ce nom.',
      },
      toList: 'Voir les files d’attente',
    },

    // /maintenant/file/:entry
    wait: {
      title: 'Salle d’attente',
      lead: '{label} · pour {name}',
      statusTitle: 'Votre place',
      liveTitle: 'Annonces',
      skipped:
        'Vous n’avez pas rejoint la salle à temps : vous gardez votre place. Au prochain appel sans réponse, vous quitterez la file.',
      skippedNews: 'Appel manqué : vous gardez votre place.',
      distant:
        'Les praticiens disponibles exercent loin de votre commune : la consultation ne serait pas remboursée.',
      noDuty: 'Votre place est gardée. Vous serez appelé dès qu’un praticien se rendra disponible.',
      hold: 'Empreinte bancaire de {amount} — rien n’est débité avant la fin de la consultation',
      keepOpen:
        'Gardez cette page ouverte : vous serez appelé ici. Si elle reste fermée plus de quelques minutes, vous perdez votre place.',
      paused: 'Connexion perdue : reconnexion… Votre place est gardée quelques minutes.',
      refreshFailed: 'Votre place n’a pas pu être mise à jour. Nouvel essai dans un instant.',
      notFoundTitle: 'Place introuvable',
      notFoundBody: 'Cette place dans la file n’existe pas ou ne concerne pas votre compte.',
      leave: 'Quitter la file',
      leaveTitle: 'Quitter la file d’attente ?',
      leaveBody: 'Vous perdez votre place. L’empreinte bancaire est levée : rien n’est débité.',
      leaveYes: 'Oui, quitter la file',
      leaveKeep: 'Non, garder ma place',
      leaving: 'Départ…',
      called: 'C’est à vous !',
      calledBody: 'Le praticien vous attend. Ouverture de la salle de consultation…',
      calledBy: 'Entrez avant {time}, sinon votre tour passe.',
      calledTab: 'C’est à vous ! — Cabinet',
      enter: 'Entrer dans la salle',
      inConsultationTitle: 'Votre consultation a commencé',
      inConsultationBody: 'Le praticien vous reçoit dans la salle de consultation.',
      backToRoom: 'Retourner dans la salle',
      doneTitle: 'Consultation terminée',
      doneBody: 'L’ordonnance et la feuille de soins arrivent dans « Mes documents ».',
      documents: 'Mes documents',
      leftTitle: 'Vous avez quitté la file d’attente',
      leftBody: 'L’empreinte bancaire est levée : rien n’est débité.',
      removedTitle: 'Vous n’êtes plus dans la file d’attente',
      removedBody: 'L’empreinte bancaire est levée : rien n’est débité.',
      again: 'Consulter maintenant',
      home: 'Retour à mon espace',
    },
    precall: {
      title: 'Votre caméra et votre micro',
      lead: 'Testez-les pendant l’attente : vous serez prêt quand ce sera à vous.',
      start: 'Tester mon matériel',
      stop: 'Arrêter le test',
      again: 'Tester à nouveau',
      stopped: 'La caméra est coupée. Elle se rallumera dans la salle de consultation.',
    },

    // /praticien/maintenant
    staff: {
      nav: 'Consultations immédiates',
      title: 'Consultations immédiates',
      lead: 'Les patients qui attendent un praticien maintenant, dans votre spécialité.',
      duty: 'Disponible pour les consultations immédiates',
      dutyOn: 'Vous êtes compté parmi les praticiens disponibles. Prenez les patients un par un.',
      dutyOff: 'Les patients ne vous voient pas parmi les praticiens disponibles.',
      dutyFailed: 'Votre disponibilité n’a pas pu être changée.',
      ineligible: {
        notVerified: 'Votre compte doit d’abord être vérifié.',
        noMotif:
          'Ajoutez à votre profil public un motif en vidéo marqué « consultation immédiate ».',
        generic: 'Votre compte ne remplit pas encore les conditions.',
      },
      profileLink: 'Modifier mes motifs',
      open: 'File ouverte',
      closed: 'File fermée',
      motif: 'Motif : {label} · {price}',
      listTitle: 'Patients en attente',
      listLabel: 'Patients en attente, dans l’ordre d’arrivée',
      empty: 'Personne n’attend pour le moment.',
      age: '{n} ans',
      ageOne: '1 an',
      baby: 'moins d’un an',
      waited: 'attend depuis {time}',
      waitedJustNow: 'vient d’arriver',
      near: 'proche',
      distant: 'éloigné',
      nearHint:
        'proche : même département ou moins de 30 km. Loin du patient, sa téléconsultation n’est pas remboursée (territorialité).',
      skipped: 'déjà appelé une fois',
      reserved: 'réservé à un praticien proche',
      take: 'Prendre le patient suivant',
      taking: 'Ouverture de la salle…',
      takeOff: 'Activez « Disponible » pour prendre un patient.',
      errors: {
        queue_empty: 'Plus personne n’attend : un autre praticien a pris le dernier patient.',
        agenda_busy:
          'Un rendez-vous de votre agenda commence bientôt : recevez-le d’abord, puis revenez prendre un patient.',
        not_on_duty: 'Activez « Disponible » pour prendre un patient.',
      },
      currentTitle: 'Patients pris en charge',
      currentItem: 'Consultation en cours',
      openRoom: 'Ouvrir la salle',
      paused: 'Mise à jour en direct interrompue : reconnexion…',
      changed: 'La file a changé : {waiting}.',
      assistant:
        'Les consultations immédiates sont réservées au praticien : le motif des patients n’est pas visible des assistants.',
    },
  },
};
