// French copy of the passkeys: the "Sécurité" section and the sign-in button (ACC9).
export const frPasskeys = {
  passkeys: {
    title: 'Clés d’accès (passkeys)',
    lead: 'Une clé d’accès vous connecte sans mot de passe ni code : votre téléphone ou votre ordinateur vous reconnaît (empreinte, visage ou code de l’appareil). Elle ne fonctionne que sur Cabinet et ne peut pas être volée par un faux site.',
    required:
      'Votre rôle exige une clé d’accès (ou une application d’authentification) pour vous connecter. Ajoutez-en une maintenant : le code par e-mail ne suffira plus ensuite.',
    none: 'Aucune clé d’accès pour le moment.',
    nameLabel: 'Nom de la clé',
    nameHint: 'Pour la reconnaître, par exemple « Téléphone de Zoé » ou « Ordinateur du cabinet ».',
    defaultName: 'Clé d’accès',
    add: 'Ajouter une clé d’accès',
    adding: 'Suivez les instructions de votre appareil…',
    added:
      'La clé d’accès « {name} » est ajoutée. Vous pourrez l’utiliser à la prochaine connexion.',
    cancelled:
      'La clé d’accès n’a pas été créée (demande annulée ou délai dépassé). Vous pouvez réessayer.',
    unsupported:
      'Ce navigateur ne gère pas les clés d’accès. Utilisez un navigateur récent (Chrome, Edge, Firefox, Safari).',
    created: 'Ajoutée {when}',
    lastUsed: 'dernière utilisation {when}',
    neverUsed: 'jamais utilisée',
    rename: 'Renommer',
    renameLabel: 'Nouveau nom',
    save: 'Enregistrer',
    cancel: 'Annuler',
    renamed: 'La clé d’accès s’appelle maintenant « {name} ».',
    revoke: 'Supprimer',
    revokeConfirm:
      'Supprimer la clé « {name} » ? Elle ne permettra plus de vous connecter. Pensez aussi à la retirer de votre appareil.',
    revokeYes: 'Oui, supprimer',
    revoked: 'La clé d’accès « {name} » est supprimée.',
    nameRequired: 'Donnez à cette clé un nom de 1 à 60 caractères.',
    signIn: 'Se connecter avec une clé d’accès',
    signInLead: 'Sans mot de passe ni code, avec votre téléphone ou votre ordinateur.',
    signingIn: 'Suivez les instructions de votre appareil…',
    signInCancelled:
      'Connexion par clé d’accès annulée ou délai dépassé. Réessayez, ou connectez-vous avec votre mot de passe.',
    or: 'ou',
  },
};
