import { notFound } from "../modules/authz/guard.server.ts";
import { publicRoute } from "../modules/authz/policy.ts";

export const policy = publicRoute;

export function loader(): never {
  notFound();
}

export function action(): never {
  notFound();
}

export default function CatchAll() {
  return null;
}
