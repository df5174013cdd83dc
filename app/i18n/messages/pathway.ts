import type { Translation } from "../types.ts";

export const fr = {
} as const;

export const en: Translation<typeof fr> = {
};
