/** The hidden field every create form carries (plain module: the form component needs it too). */
export const SUBMISSION_KEY_FIELD = "_submission";
