import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { useEffect } from "react";
import type { Route } from "./+types/root";
import stylesheet from "./app.css?url";
import { useNonce } from "./components/nonce.tsx";
import { CHROME_NAMESPACES, pickMessages } from "./i18n/catalog.ts";
import { resolveLocale } from "./i18n/locale.server.ts";
import { useT } from "./i18n/use-t.ts";
import { errorKindOf, errorPageMessages } from "./i18n/error-page.ts";
import { isLocale, type Locale } from "./i18n/types.ts";
import { optionalUser } from "./modules/authz/guard.server.ts";
import { can } from "./modules/authz/decide.ts";
import { countNewConsultations } from "./modules/consultations/consultation-counts.server.ts";
import { loadPageChrome } from "./modules/chrome/page-chrome.server.ts";
import { SiteFooter, footerOf } from "./components/site-footer.tsx";
import { APP_VERSION } from "./modules/config/version.server.ts";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Fallback title; pages that know better export their own `meta`. */
export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.messages["app.name"] ?? "Filet" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await optionalUser(args);
  const locale = resolveLocale(args.request, user?.locale);
  const target = { partnershipId: user?.partnershipId ?? null, organizationId: user?.organizationId ?? null };
  const roles = user?.roles ?? [];
  const canNetwork = !!user?.partnershipId && can(roles, "network.read", target);
  const chrome = await loadPageChrome(args.context.db, { partnershipId: user?.partnershipId ?? null, personId: user?.personId ?? null, network: canNetwork });
  const canAdmin =
    !!user &&
    (can(roles, "person.manage", target) ||
      can(roles, "organization.manage", target) ||
      can(roles, "audit.read", target) ||
      can(roles, "account.approve", target));
  return {
    locale,
    // The chrome only: each section layout sends its own namespaces (app/routes/<section>/_layout.tsx).
    messages: pickMessages(locale, CHROME_NAMESPACES),
    demoMode: args.context.demoMode,
    // The idempotency key of the create forms on this page (components/submission-key.tsx):
    // a new one after every submission, since every successful action reloads the root.
    submissionKey: globalThis.crypto.randomUUID(),
    user: user ? { name: `${user.givenName} ${user.familyName}`, email: user.email } : null,
    canAdmin,
    // One "La Table" entry (the hub /table: partners, meetings, responsibilities, plan, funding,
    // handover, announcements), with the unread announcements badge.
    canTable: !!user?.partnershipId && can(roles, "partnership.view", target),
    unreadAnnouncements: chrome.unreadAnnouncements,
    // The Consultations badge: new ones addressed to a pivot (counted only for pivots).
    newConsultations:
      user?.partnershipId && roles.some((r) => r.role === "pivot" && r.partnershipId === user.partnershipId)
        ? await countNewConsultations(args.context.db, { personId: user.personId, partnershipId: user.partnershipId, roles })
        : 0,
    // The evaluation (indicators, evaluation reports) has its own header entry for evaluators; the others who read it
    // (coordinator, delegates, observers) reach it through "La Table", which keeps the header on one row.
    canEvaluation: !!user?.partnershipId && can(roles, "evaluation.view", target) && roles.some((r) => r.role === "evaluator" && r.partnershipId === target.partnershipId),
    // One "Training" entry, to the page that person works in.
    trainingPath: can(roles, "training.manage", target)
      ? "/training"
      : can(roles, "training.results", target)
        ? "/training/stats"
        : roles.some((r) => r.role === "trainer" && r.partnershipId === target.partnershipId)
          ? "/training/availability"
          : "/training/register",
    // The pivot network's entry (/network), with its unread notifications: one count on a partial index.
    canNetwork,
    unreadNetwork: chrome.unreadNetwork,
    // Statistics per period: the organizations' reporters and the Table coordinator who reviews them.
    canStatistics: !!user?.partnershipId && (can(roles, "statistics.enter", target) || can(roles, "statistics.review", target)),
    // The Table's name in the reader's language only: every page carries it.
    footer: { table: footerOf(locale, chrome.footer), version: APP_VERSION },
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  // Without the root loader (an action that threw), a refusal still says the reader's language.
  const error = useRouteError();
  const refusedIn = isRouteErrorResponse(error) ? (error.data as { locale?: unknown } | null)?.locale : undefined;
  return (
    <html lang={data?.locale ?? (isLocale(refusedIn) ? refusedIn : "fr")}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The pages reached through "La Table". */
const tableSections = ["/table", "/partners", "/meetings", "/responsibilities", "/action-plan", "/funding", "/handover", "/announcements", "/statistics"];
const tableSectionsWithEvaluation = [...tableSections, "/evaluation"];

/** A count on a header entry: the number for the eye, a sentence for screen readers. */
function CountBadge({ count, label }: { count: number; label: string }) {
  if (!count) return null;
  return (
    <>
      {" "}
      <span className="badge badge-count">
        <span aria-hidden="true">{count}</span>
        <span className="visually-hidden">{label}</span>
      </span>
    </>
  );
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, locale } = useT();
  const location = useLocation();
  const here = location.pathname + location.search;
  // The entry's own page is the current page ("page"); a page further in its section marks the
  // entry as the current section ("true").
  const current = (to: string, section: readonly string[]): "page" | "true" | undefined => {
    if (location.pathname === to.split("?")[0]) return "page";
    return section.some((p) => location.pathname === p || location.pathname.startsWith(`${p}/`)) ? "true" : undefined;
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      {data?.demoMode ? (
        <aside className="demo-banner" aria-label={t("demo.label")}>
          <p>{t("demo.banner")}</p>
        </aside>
      ) : null}
      <header className="site-header">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        <div className="header-language">
          <Form method="post" action="/locale" reloadDocument>
            <input type="hidden" name="locale" value={locale === "fr" ? "en" : "fr"} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" lang={locale === "fr" ? "en" : "fr"} aria-label={t("nav.switchToLabel")}>
              {t("nav.switchTo")}
            </button>
          </Form>
        </div>
        {/* On a phone the sections fold behind "Menu": a checkbox and its label, so it opens without JavaScript. */}
        <input type="checkbox" id="site-menu-toggle" className="menu-toggle" aria-controls="site-menu" />
        <label htmlFor="site-menu-toggle" className="menu-button">
          {t("nav.menu")}
        </label>
        <div className="site-menu" id="site-menu">
          <nav aria-label={t("nav.main")}>
            <ul>
              <li>
                <Link to="/" aria-current={current("/", [])}>
                  {t("nav.home")}
                </Link>
              </li>
              {data?.user ? (
                <>
                  <li>
                    <Link to="/pathway" aria-current={current("/pathway", ["/pathway"])}>
                      {t("nav.pathway")}
                    </Link>
                  </li>
                  <li>
                    <Link to="/directory" aria-current={current("/directory", ["/directory"])}>
                      {t("nav.directory")}
                    </Link>
                  </li>
                  <li>
                    <Link to="/consultations" aria-current={current("/consultations", ["/consultations"])}>
                      {t("nav.consultations")}
                      <CountBadge count={data.newConsultations} label={t("nav.consultationsNew", { count: data.newConsultations })} />
                    </Link>
                  </li>
                  {data.canNetwork ? (
                    <li>
                      <Link to="/network" aria-current={current("/network", ["/network"])}>
                        {t("nav.network")}
                        <CountBadge count={data.unreadNetwork} label={t("nav.networkUnread", { count: data.unreadNetwork })} />
                      </Link>
                    </li>
                  ) : null}
                  <li>
                    <Link to="/activities" aria-current={current("/activities", ["/activities"])}>
                      {t("nav.activities")}
                    </Link>
                  </li>
                  <li>
                    <Link to="/guide" aria-current={current("/guide", ["/guide"])}>
                      {t("nav.guide")}
                    </Link>
                  </li>
                  <li>
                    <Link to={data.trainingPath} aria-current={current(data.trainingPath, ["/training", "/certificates"])}>
                      {t("nav.training")}
                    </Link>
                  </li>
                  {data.canEvaluation ? (
                    <li>
                      <Link to="/evaluation" aria-current={current("/evaluation", ["/evaluation"])}>
                        {t("nav.evaluation")}
                      </Link>
                    </li>
                  ) : null}
                  {/* Members of the Table reach the statistics from the Table's hub: the header stays on one row. */}
                  {data.canStatistics && !data.canTable ? (
                    <li>
                      <Link to="/statistics" aria-current={current("/statistics", ["/statistics"])}>
                        {t("nav.statistics")}
                      </Link>
                    </li>
                  ) : null}
                  {data.canTable ? (
                    <li>
                      <Link to="/table" aria-current={current("/table", data.canEvaluation ? tableSections : tableSectionsWithEvaluation)}>
                        {t("tableHub.nav")}
                        <CountBadge count={data.unreadAnnouncements} label={t("tableWork.nav.unread", { count: data.unreadAnnouncements })} />
                      </Link>
                    </li>
                  ) : null}
                </>
              ) : null}
              {data?.canAdmin ? (
                <li>
                  <Link to="/admin" aria-current={current("/admin", ["/admin"])}>
                    {t("nav.admin")}
                  </Link>
                </li>
              ) : null}
              {data?.user ? (
                <li>
                  <Link to="/profile" aria-current={current("/profile", ["/profile", "/mfa"])}>
                    {t("nav.profile")}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="header-actions">
            {data?.user ? (
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            ) : (
              <Link to="/login">{t("nav.login")}</Link>
            )}
          </div>
        </div>
      </header>
    </>
  );
}

/**
 * Marks which location the page on screen shows, once React has committed it: browser tests
 * wait for it after a navigation (the router's state moves on before the screen does).
 */
function useMarkRenderedLocation() {
  const locationKey = useLocation().key;
  useEffect(() => {
    document.documentElement.dataset.locationKey = locationKey;
  }, [locationKey]);
}

function Footer() {
  const data = useRouteLoaderData<typeof loader>("root");
  return data ? <SiteFooter table={data.footer.table} version={data.footer.version} /> : null;
}

export default function App() {
  useMarkRenderedLocation();
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  useMarkRenderedLocation();
  const root = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : null;
  const kind = errorKindOf(status);
  if (kind === "generic") console.error(error);
  // The root loader does not run when an action throws: the refusal then says which language
  // the reader uses, and without either the page speaks both (French first).
  const payload = isRouteErrorResponse(error) ? (error.data as { locale?: unknown } | null) : null;
  const locale = root?.locale ?? (isLocale(payload?.locale) ? payload.locale : null);
  const locales: Locale[] = locale ? [locale] : ["fr", "en"];
  const first = errorPageMessages[locales[0]!];
  return (
    <>
      {root ? (
        <Header />
      ) : (
        <header className="site-header">
          <a href="/" className="brand">
            {first.appName}
          </a>
        </header>
      )}
      <main id="main" tabIndex={-1}>
        {/* Route meta does not run for an error page: React hoists this title into <head>. */}
        <title>{`${first[kind].title} — ${first.appName}`}</title>
        {locales.map((l, i) => {
          const m = errorPageMessages[l];
          return (
            <section key={l} lang={l} aria-labelledby={`error-${l}`}>
              {i === 0 ? <h1 id={`error-${l}`}>{m[kind].title}</h1> : <h2 id={`error-${l}`}>{m[kind].title}</h2>}
              <p>{m[kind].body}</p>
              {kind === "too_large" || kind === "unsupported_type" || kind === "malformed" ? <p>{m.goBack}</p> : null}
              <p>
                <a href="/">{m.backHome}</a>
              </p>
            </section>
          );
        })}
      </main>
      <Footer />
    </>
  );
}
