/** A profile file's extension: `--reference p.dbprofile` takes the profile paths. */
export const PROFILE_EXTENSION = '.dbprofile';

/**
 * Whether a path names a profile. Its own module, so a command can ask without loading the profile
 * command (and DuckDB with it) for the raw-file runs that never need it.
 */
export const isProfilePath = (path: string | undefined): path is string => path !== undefined && path.toLowerCase().endsWith(PROFILE_EXTENSION);
