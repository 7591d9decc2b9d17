// Only the version is imported: the bundler drops the rest of the manifest (dependency lists, scripts), which
// once travelled inside every worker chunk.
import { version } from '../../../package.json';

/** The version printed in every report; one source of truth, the package manifest. */
export const VERSION: string = version;
