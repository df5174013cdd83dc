// Apart from the Zod schema: the new-consultation page (browser) lists them, only the server validates.
export const urgencies = ["low", "normal", "high"] as const;
export type Urgency = (typeof urgencies)[number];
