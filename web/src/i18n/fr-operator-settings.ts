// French copy of the operator's settings page (docs/operator.md "Settings", issue 19): the
// groups, each setting's label, unit and bounds, the history and the tariffs. Merged into
// fr.ts; en-operator-settings.ts has the same shape.
export const frOperatorSettings = {
  operatorSettings: {
    title: 'Réglages de la plateforme',
    lead: 'Ces réglages s’appliquent tout de suite, sans redémarrage, sur tous les serveurs en quelques secondes. Chaque modification est notée dans l’historique et le journal.',
    current: 'Valeur actuelle : {value}',
    byDefault: 'Par défaut : {value}',
    changedOn: 'modifiée le {date}',
    reset: 'Revenir à la valeur par défaut',
    resetDone: 'La valeur par défaut sera rétablie à l’enregistrement.',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Enregistré. Le changement s’applique maintenant.',
    nothing: 'Rien à enregistrer : aucune valeur n’a changé.',
    refused:
      'Ce réglage n’a pas été enregistré. Corrigez la valeur signalée : rien d’autre n’a changé.',
    notNumber: 'Indiquez un nombre.',
    refusedField: 'Valeur refusée. {rule}',
    units: {
      minutes: 'min',
      hours: 'h',
      mo: 'Mo',
      per: 'par',
      none: 'aucun',
    },
    from: 'De',
    to: 'à',
    perWindow: 'Nombre',
    windowMinutes: 'Par période de (minutes)',
    groups: {
      queue: {
        title: 'Consultation immédiate',
        lead: 'Les files d’attente « Consulter maintenant » : spécialités, horaires et frais.',
      },
      teleconsultation: {
        title: 'Téléconsultation',
        lead: 'Les heures de la vidéo et l’ouverture de la salle d’attente.',
      },
      files: {
        title: 'Fichiers acceptés',
        lead: 'Les types et la taille des fichiers que l’on peut envoyer.',
      },
      reminders: {
        title: 'Rappels de rendez-vous',
        lead: 'Quand partent les rappels. Les rendez-vous déjà confirmés gardent leurs rappels prévus.',
      },
      security: {
        title: 'Mots de passe et connexion',
        lead: 'Les règles de connexion des comptes.',
      },
      limits: {
        title: 'Limites contre les abus',
        lead: 'Au-delà, la demande est refusée un moment (« trop de tentatives »). Une pharmacie ou un hôpital partagent souvent une même adresse réseau.',
      },
    },
    keys: {
      'agenda.video_window': {
        label: 'Heures de la téléconsultation vidéo',
        hint: 'Heure locale de chaque praticien, tous les jours. Format HH:MM ; la fin peut être 24:00.',
      },
      'booking.room_opens': {
        label: 'Ouverture de la salle d’attente avant le rendez-vous',
        hint: 'En minutes.',
      },
      'queue.specialties': {
        label: 'Spécialités avec une file d’attente',
        hint: 'Aucune case cochée : pas de consultation immédiate.',
      },
      'queue.hours': {
        label: 'Horaires des files d’attente',
        hint: 'Heure de Paris, tous les jours. Format HH:MM ; la fin peut être 24:00.',
      },
      'queue.fee_cents': {
        label: 'Frais de service de la consultation immédiate',
        hint: 'En euros, de 0 à 50 €. Jamais remboursés ; offerts avec la CSS ou une ALD.',
      },
      'queue.price_cents': {
        label: 'Prix de la consultation immédiate',
        hint: 'En euros. 0 : le tarif conventionnel de la spécialité (25 € en médecine générale).',
      },
      'health.file_types': {
        label: 'Types de fichiers de l’espace santé et de la messagerie',
        hint: 'Types MIME séparés par des virgules, par exemple image/jpeg, application/pdf.',
      },
      'health.file_max_size': {
        label: 'Taille maximale d’un fichier de l’espace santé',
        hint: 'En Mo, au plus 20 Mo.',
      },
      'consultation.file_types': {
        label: 'Types de fichiers partagés pendant une consultation',
        hint: 'Types MIME séparés par des virgules.',
      },
      'consultation.file_max_size': {
        label: 'Taille maximale d’un fichier partagé en consultation',
        hint: 'En Mo, au plus 20 Mo.',
      },
      'booking.reminder_day_before': {
        label: 'Premier rappel (« demain »)',
        hint: 'En heures avant le rendez-vous, de 12 à 36.',
      },
      'booking.reminder_hours_before': {
        label: 'Second rappel (« aujourd’hui »)',
        hint: 'En heures avant le rendez-vous, de 1 à 8.',
      },
      'booking.reminder_link': {
        label: 'SMS avec le lien de la vidéo',
        hint: 'En minutes avant le rendez-vous, de 1 à 60.',
      },
      'security.password_min_length': {
        label: 'Longueur minimale des mots de passe',
        hint: 'En caractères, de 12 à 64. S’applique aux nouveaux mots de passe.',
      },
      'security.strong_factor_roles': {
        label: 'Clé d’accès ou application d’authentification obligatoire pour',
        hint: 'Le code reçu par e-mail ne suffit plus à ces comptes une fois leur clé ajoutée.',
      },
      'limits.signup_per_ip': { label: 'Inscriptions depuis une même adresse réseau' },
      'limits.signup_exists_notice': {
        label: 'E-mails « vous avez déjà un compte » à une même adresse',
      },
      'limits.confirm_per_email': {
        label: 'Nouveaux liens de confirmation pour un même e-mail',
      },
      'limits.confirm_per_ip': {
        label: 'Nouveaux liens de confirmation depuis une même adresse réseau',
      },
      'limits.login_per_ip': {
        label: 'Connexions depuis une même adresse réseau',
        hint: 'Navigateurs inconnus seulement.',
      },
      'limits.login_per_device': { label: 'Connexions depuis un même appareil connu' },
      'limits.login_failures_per_email': {
        label: 'Échecs de connexion pour un même e-mail',
      },
      'limits.code_per_ip': {
        label: 'Codes de sécurité essayés depuis une même adresse réseau',
      },
      'limits.code_resend': { label: 'Nouveaux codes de sécurité pour une connexion' },
      'limits.forgot_per_ip': {
        label: 'Mots de passe oubliés depuis une même adresse réseau',
      },
      'limits.forgot_per_email': { label: 'Mots de passe oubliés pour un même e-mail' },
      'limits.invitation_per_ip': {
        label: 'Liens d’invité ouverts depuis une même adresse réseau',
      },
      'limits.prescription_per_ip': {
        label: 'Vérifications d’ordonnance par les pharmacies (même adresse réseau)',
      },
      'limits.free_failures': {
        label: 'Échecs de mot de passe avant d’imposer une attente',
        hint: 'Ensuite, chaque essai attend 1 s, puis 2 s, 4 s…',
      },
      'limits.max_delay': { label: 'Attente maximale entre deux essais', hint: 'En minutes.' },
    } as Record<string, { label: string; hint?: string }>,
    roles: {
      practitioner: 'Praticiens',
      assistant: 'Assistants',
      operator: 'Opérateurs',
    } as Record<string, string>,
    history: {
      title: 'Historique des modifications',
      caption: 'Les dernières modifications, de la plus récente à la plus ancienne',
      empty:
        'Aucun réglage n’a encore été modifié : les valeurs sont celles du fichier de configuration.',
      when: 'Date',
      setting: 'Réglage',
      before: 'Avant',
      after: 'Après',
      by: 'Par',
      defaultTag: '(par défaut)',
    },
    tariffs: {
      title: 'Tarifs et remboursements',
      lead: 'Ces montants viennent des fichiers de données de Cabinet, avec leur source officielle. Ils changent avec une nouvelle version du logiciel, pas ici.',
      caption: 'Montants de {file}',
      item: 'Élément',
      amount: 'Montant',
      since: 'Depuis le',
      source: 'Source',
      toVerify: 'À vérifier',
      noDate: '—',
      percent: '{n} %',
      sessions: '{n} séances',
    },
  },
};
