// Apart from vocabulary.ts, which every training page imports: only the pairs page renders these
// reasons, so only it is sent their words (the message reading follows imports, types included).
/** A reason the solver cannot find pairs, as an i18n key and its variables. */
export interface Infeasibility {
  key:
    | "training.pairs.why.tooFew"
    | "training.pairs.why.oneOrganization"
    | "training.pairs.why.sameDay"
    | "training.pairs.why.capacity"
    | "training.pairs.why.combined"
    | "training.pairs.why.timeout";
  vars: Record<string, string | number>;
}
