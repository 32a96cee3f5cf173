// French copy of the accounts screens, part 1: header, forms, errors, sign-up, login and
// passwords. Merged into fr.ts; en-auth.ts has the same shape.
export const frAuth = {
  header: {
    login: 'Se connecter',
    loginShort: 'Connexion',
    signup: 'Créer un compte',
  },
  form: {
    optional: '(facultatif)',
    errorPrefix: 'Erreur :',
    problem: 'Il y a un problème',
    fixErrors: 'Corrigez les champs signalés, puis réessayez.',
    sending: 'Envoi…',
    loading: 'Chargement…',
    retry: 'Réessayer',
    cancel: 'Annuler',
  },
  errors: {
    network: 'Connexion impossible. Vérifiez votre connexion Internet, puis réessayez.',
    rateLimited: 'Trop de tentatives. Réessayez dans {minutes} minutes.',
    rateLimitedOne: 'Trop de tentatives. Réessayez dans une minute.',
    rateLimitedSoon: 'Trop de tentatives. Patientez quelques minutes, puis réessayez.',
    rateLimitedSeconds: 'Trop de tentatives. Patientez quelques secondes, puis réessayez.',
    sessionExpired: 'Votre session a expiré. Reconnectez-vous pour continuer.',
    signedOut: 'Vous n’êtes plus connecté. Reconnectez-vous pour continuer.',
    server: 'Le service ne répond pas correctement. Réessayez dans quelques instants.',
    csrf: 'La page n’a pas pu envoyer votre demande. Rechargez-la, puis réessayez.',
    generic: 'Une erreur est survenue. Réessayez.',
  },
  checks: {
    firstNameRequired: 'Indiquez le prénom.',
    lastNameRequired: 'Indiquez le nom.',
    birthDateRequired: 'Indiquez la date de naissance.',
    birthDateInvalid: 'Indiquez une date de naissance valide.',
    holderAge:
      'Le titulaire du compte doit avoir au moins 15 ans. Pour un enfant, créez votre propre compte, puis ajoutez-le à vos proches.',
    emailRequired: 'Indiquez votre adresse e-mail.',
    emailInvalid: 'Indiquez une adresse e-mail valide, par exemple nom@exemple.fr.',
    phoneRequired: 'Indiquez votre numéro de téléphone mobile.',
    phoneInvalid: 'Indiquez un numéro de mobile valide, par exemple 06 12 34 56 78.',
    passwordRequired: 'Indiquez votre mot de passe.',
    passwordErrors: {
      length: 'Le mot de passe doit contenir au moins 12 caractères.',
      upper: 'Le mot de passe doit contenir au moins une lettre majuscule.',
      lower: 'Le mot de passe doit contenir au moins une lettre minuscule.',
      digitOrSpecial: 'Le mot de passe doit contenir un chiffre ou un caractère spécial.',
      notEmailName:
        'Le mot de passe ne doit contenir ni votre nom ni celui de votre adresse e-mail.',
      notCommon: 'Ce mot de passe est trop courant. Choisissez-en un autre.',
    },
    rppsRequired: 'Indiquez votre numéro RPPS.',
    rppsInvalid:
      'Ce numéro RPPS n’est pas valide : il compte 11 chiffres. Vérifiez-le sur votre carte CPS.',
    mtRppsInvalid:
      'Ce numéro RPPS n’est pas valide : il compte 11 chiffres. Corrigez-le ou laissez le champ vide.',
    specialtyRequired: 'Choisissez votre spécialité.',
    codeFormat: 'Le code compte 6 chiffres.',
    relationshipRequired: 'Choisissez le lien avec vous.',
    nirFormat:
      'Le numéro de sécurité sociale compte 15 caractères. Vérifiez-le sur la carte Vitale.',
    nirKey:
      'La clé (les 2 derniers chiffres) ne correspond pas au numéro. Vérifiez-le sur la carte Vitale.',
    mtNameRequired: 'Indiquez le nom du médecin traitant.',
    compNameRequired: 'Indiquez le nom de la complémentaire.',
  },
  fields: {
    firstName: 'Prénom',
    lastName: 'Nom',
    birthDate: 'Date de naissance',
    email: 'Adresse e-mail',
    emailPro: 'Adresse e-mail professionnelle',
    mobile: 'Téléphone mobile',
    mobileHint: 'Par exemple : 06 12 34 56 78',
    phone: 'Téléphone',
    password: 'Mot de passe',
    newPassword: 'Nouveau mot de passe',
    currentPassword: 'Mot de passe actuel',
    rpps: 'Numéro RPPS',
    specialty: 'Spécialité',
    sex: 'Sexe',
    relationship: 'Lien avec vous',
  },
  password: {
    show: 'Afficher',
    rulesTitle: 'Votre mot de passe :',
    rules: {
      length: 'compte au moins 12 caractères',
      upper: 'contient une majuscule',
      lower: 'contient une minuscule',
      digitOrSpecial: 'contient un chiffre ou un caractère spécial',
      notEmailName: 'ne contient ni votre nom ni celui de votre adresse e-mail',
      notCommon: 'n’est pas un mot du dictionnaire ni un mot de passe courant (vérifié à l’envoi)',
    },
    met: 'respecté',
    notMet: 'pas encore respecté',
  },
  checkMail: {
    title: 'Vérifiez votre boîte mail',
    signupBody:
      'Nous avons envoyé un lien de confirmation à {email}. Ouvrez-le dans les 48 heures pour activer votre compte.',
    practitionerBody:
      'Nous avons envoyé un lien de confirmation à {email}. Confirmez votre adresse dans les 48 heures : un opérateur vérifiera ensuite votre numéro RPPS.',
    spam: 'Rien reçu après quelques minutes ? Regardez dans les courriers indésirables.',
    resend: 'Renvoyer l’e-mail',
    resent:
      'C’est fait : si cette adresse attend une confirmation, un nouvel e-mail vient de partir.',
    toLogin: 'Aller à la page de connexion',
  },
  signup: {
    title: 'Créer votre compte patient',
    lead: 'Un seul compte pour vous et vos proches : vous ajouterez vos enfants ou vos parents ensuite.',
    aboutYou: 'Vous',
    birthDateHint: 'Le titulaire du compte doit avoir au moins 15 ans.',
    yourAccess: 'Vos identifiants',
    emailHint: 'Vous recevrez un lien pour la confirmer.',
    privacy:
      'Vos données sont hébergées en France chez un hébergeur certifié HDS. Elles ne sont ni vendues ni utilisées pour de la publicité.',
    submit: 'Créer mon compte',
    haveAccount: 'Déjà un compte ?',
    login: 'Se connecter',
    practitionerQuestion: 'Vous êtes praticien ?',
    practitionerLink: 'Créer un compte praticien',
  },
  signupPractitioner: {
    title: 'Créer votre compte praticien',
    lead: 'Proposez la téléconsultation à vos patients. Votre profil est vérifié avant d’apparaître dans la recherche.',
    practice: 'Votre exercice',
    rppsHint: '11 chiffres, sur votre carte CPS ou dans l’Annuaire santé.',
    chooseSpecialty: 'Choisissez votre spécialité',
    submit: 'Envoyer ma demande',
    verifyTitle: 'Comment se passe la vérification',
    verify1: 'Vous confirmez votre adresse e-mail avec le lien reçu.',
    verify2:
      'Un opérateur de la plateforme vérifie votre numéro RPPS et votre inscription à l’Ordre.',
    verify3:
      'Vous recevez un e-mail dès que c’est fait. Vous pouvez vous connecter en attendant ; votre profil apparaît dans la recherche une fois vérifié.',
  },
  signupAssistant: {
    title: 'Créer votre compte assistant',
    lead: 'Un praticien vous invite à gérer son agenda sur Cabinet. Votre adresse e-mail est celle de l’invitation.',
    noClinical:
      'En tant qu’assistant, vous gérez l’agenda. Les données médicales des patients ne vous sont jamais montrées.',
    submit: 'Créer mon compte',
    invalidTitle: 'Cette invitation ne fonctionne plus',
    invalidBody:
      'Le lien est incomplet, a déjà servi ou a expiré (il est valable 7 jours). Demandez au praticien de vous inviter à nouveau.',
    doneTitle: 'Votre compte est prêt',
    doneBody:
      'Connectez-vous avec l’adresse e-mail de l’invitation et votre mot de passe. Un code de sécurité vous sera ensuite demandé.',
  },
  confirmEmail: {
    confirmingTitle: 'Confirmation de votre adresse e-mail',
    doneTitle: 'Adresse e-mail confirmée',
    doneBody: 'Merci. Votre compte est activé : vous pouvez vous connecter.',
    invalidTitle: 'Ce lien ne fonctionne plus',
    invalidBody:
      'Le lien de confirmation est incomplet, a déjà servi ou a expiré (il est valable 48 heures). Indiquez votre adresse e-mail : nous vous en envoyons un nouveau.',
    resend: 'Recevoir un nouveau lien',
  },
  login: {
    title: 'Se connecter',
    lead: 'Avec votre adresse e-mail et votre mot de passe. Un code de sécurité vous est ensuite envoyé par e-mail.',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    forgot: 'Mot de passe oublié ?',
    noAccount: 'Pas encore de compte ?',
    signup: 'Créer un compte',
    codeNotice:
      'Cabinet ne vous demande jamais votre mot de passe ni votre code par téléphone ou par e-mail.',
    codeTitle: 'Code de sécurité',
    totpTitle: 'Code de votre application',
    emailBody: 'Nous venons d’envoyer un code à 6 chiffres à {email}.',
    validUntil: 'Il est valable jusqu’à {time}.',
    totpBody:
      'Ouvrez votre application d’authentification et saisissez le code à 6 chiffres affiché pour Cabinet.',
    codeLabel: 'Code de sécurité',
    totpLabel: 'Code à 6 chiffres',
    codeHint: '6 chiffres',
    verify: 'Valider le code',
    verifying: 'Vérification…',
    resend: 'Renvoyer le code',
    resent: 'Un nouveau code vient de vous être envoyé. Seul le dernier code reçu fonctionne.',
    otherAccount: 'Changer d’adresse e-mail',
    challengeExpired: 'Ce code n’est plus valable. Reconnectez-vous pour en recevoir un nouveau.',
    expired: {
      title: 'Votre session a pris fin',
      body: 'Pour protéger vos données, une session se ferme après un moment sans activité, ou quand elle est fermée depuis un autre appareil. Reconnectez-vous : vous reviendrez à la page où vous étiez.',
    },
    revoked: {
      title: 'Vous avez été déconnecté',
      body: 'Votre session a été fermée, par exemple depuis un autre appareil ou après un changement de mot de passe. Reconnectez-vous pour continuer.',
    },
  },
  forgot: {
    title: 'Mot de passe oublié',
    lead: 'Indiquez l’adresse e-mail de votre compte. Nous vous envoyons un lien pour choisir un nouveau mot de passe.',
    submit: 'Recevoir le lien',
    back: 'Revenir à la connexion',
    sentBody:
      'Si un compte existe pour {email}, un lien vient de lui être envoyé. Il est valable 30 minutes et ne sert qu’une fois.',
  },
  reset: {
    title: 'Choisir un nouveau mot de passe',
    lead: 'Après ce changement, tous vos appareils seront déconnectés.',
    submit: 'Enregistrer le mot de passe',
    invalidTitle: 'Ce lien ne fonctionne plus',
    invalidBody:
      'Le lien est incomplet, a déjà servi ou a expiré (il est valable 30 minutes). Demandez-en un nouveau.',
    newLink: 'Demander un nouveau lien',
    doneTitle: 'Mot de passe changé',
    doneBody:
      'Votre nouveau mot de passe est enregistré et vos appareils ont été déconnectés. Connectez-vous avec ce nouveau mot de passe.',
  },
  auth: {
    wrongRole: 'Cette page n’est pas disponible avec votre compte.',
    toMyArea: 'Aller à mon espace',
  },
};
