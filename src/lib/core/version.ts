import pkg from '../../../package.json';

/** The version printed in every report; one source of truth, the package manifest. */
export const VERSION: string = pkg.version;
