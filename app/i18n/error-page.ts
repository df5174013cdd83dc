import type { Locale } from "./types.ts";

/**
 * The error page's own words, in the client bundle: an error page must read right even when
 * the root loader never ran (an action that threw, a refused body), so it cannot depend on the
 * messages the loader sends. Small on purpose: only what the error page says.
 */
export type ErrorKind = "notFound" | "forbidden" | "generic" | "too_large" | "unsupported_type" | "malformed";

interface ErrorText {
  title: string;
  body: string;
}

export const errorPageMessages: Record<Locale, Record<ErrorKind, ErrorText> & { appName: string; backHome: string; goBack: string }> = {
  fr: {
    appName: "Filet",
    backHome: "Retour à l'accueil",
    goBack: "Revenez à la page précédente pour réessayer.",
    notFound: { title: "Page introuvable", body: "Cette page n'existe pas ou vous n'y avez pas accès." },
    forbidden: { title: "Requête refusée", body: "Cette requête ne vient pas de Filet et n'a pas été traitée." },
    generic: {
      title: "Une erreur est survenue",
      body: "Réessayez dans un moment. Si le problème persiste, prévenez l'administration de la plateforme.",
    },
    too_large: {
      title: "Envoi trop volumineux",
      body: "Ce que vous avez envoyé dépasse la taille permise (1 Mo pour un formulaire, 10 Mo pour un document). Rien n'a été enregistré.",
    },
    unsupported_type: {
      title: "Format d'envoi non accepté",
      body: "Cette page n'accepte que les formulaires envoyés par un navigateur. Rien n'a été enregistré.",
    },
    malformed: {
      title: "Envoi illisible",
      body: "Le formulaire reçu est incomplet ou abîmé. Rien n'a été enregistré.",
    },
  },
  en: {
    appName: "Filet",
    backHome: "Back to the home page",
    goBack: "Go back to the previous page to try again.",
    notFound: { title: "Page not found", body: "This page does not exist or you do not have access to it." },
    forbidden: { title: "Request refused", body: "This request did not come from Filet and was not processed." },
    generic: { title: "Something went wrong", body: "Try again in a moment. If the problem persists, tell the platform administrators." },
    too_large: {
      title: "Submission too large",
      body: "What you sent is larger than allowed (1 MB for a form, 10 MB for a document). Nothing was saved.",
    },
    unsupported_type: {
      title: "Submission format not accepted",
      body: "This page only accepts forms sent by a web browser. Nothing was saved.",
    },
    malformed: { title: "Unreadable submission", body: "The form received is incomplete or damaged. Nothing was saved." },
  },
};

const BY_STATUS: Record<number, ErrorKind> = { 400: "malformed", 403: "forbidden", 404: "notFound", 413: "too_large", 415: "unsupported_type" };

export function errorKindOf(status: number | null): ErrorKind {
  return (status !== null && BY_STATUS[status]) || "generic";
}
