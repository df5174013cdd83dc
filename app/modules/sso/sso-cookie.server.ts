import { tokenCookie } from "../http/token-cookie.server.ts";
import { SSO_STATE_TTL_MS } from "./sso-sign-in.server.ts";

/** The cookie carrying the id of the sign-in under way (10 minutes; the flow's secrets stay in the database). */
const ssoCookie = tokenCookie("filet_sso");
export const ssoCookieName = ssoCookie.name;
export const serializeSsoCookie = (id: string, secure: boolean) => ssoCookie.serialize(id, secure, SSO_STATE_TTL_MS / 1000);
export const clearSsoCookie = ssoCookie.clear;
export const readSsoCookie = ssoCookie.read;
