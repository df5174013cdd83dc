import type { organizationTypes } from "../governance/tables.ts";
import type { Role } from "../identity/tables.ts";

/**
 * What the demo creates, as plain data. Organizations are the ones the seeds name; every
 * person is invented (no real person's name, the seeds' presenters included). Phone numbers
 * use the 555-01xx range reserved for fiction and addresses end in .test, which never
 * delivers: nothing here can reach a real person.
 */
export interface DemoSite {
  key: string;
  name: string;
  kind: string;
  address: string;
  municipality: string;
  territory: string;
  phone: string;
}

export interface DemoOrganization {
  key: string;
  type: (typeof organizationTypes)[number];
  nameFr: string;
  nameEn: string;
  acronym: string;
  mission: string;
  mandate: string;
  culture: string;
  services: string;
  territory: string;
  languages: string[];
  phone: string;
  emailDomains: string[];
  joinedOn: string;
  sites?: DemoSite[];
}

export interface DemoRole {
  role: Role;
  /** Organization key for roles held on behalf of one organization; absent: Table-wide. */
  org?: string;
}

export interface DemoPerson {
  givenName: string;
  familyName: string;
  title: string;
  email: string;
  org?: string;
  site?: string;
  languages?: string[];
  phone?: string;
  roles: DemoRole[];
  /** Present for the personas one can sign in as. */
  account?: { label: string; locale?: "fr" | "en" };
}

export interface DemoTable {
  slug: string;
  nameFr: string;
  nameEn: string;
  region: string;
  /** Fictional (555-01xx): the Table enters its real DPJ line. */
  dpjPhone: string;
  /** The Table's public contact, in every page's footer (fictional too). */
  contact: { email: string; phone: string };
  foundedOn: string;
  organizations: DemoOrganization[];
  people: DemoPerson[];
}

/** The platform administrator belongs to no Table. */
export const demoAdmin: DemoPerson = {
  givenName: "Mathieu",
  familyName: "Lévesque",
  title: "Administrateur de la plateforme Filet",
  email: "admin@filet.test",
  roles: [{ role: "platform_admin" }],
  account: { label: "Platform admin (administration de la plateforme)" },
};
