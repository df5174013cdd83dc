import packageJson from "../../../package.json";

/** The release people see in the footer and can quote when they report a problem. */
export const APP_VERSION: string = packageJson.version;
