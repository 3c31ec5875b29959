// Types of lib/cli/bundle.mjs (plain JavaScript: it runs before any TypeScript loader).

/** The bundled main module's URL when the bundle under `root` matches its sources, else undefined. */
export function freshBundle(root?: string): string | undefined;
/** Builds a new bundle; undefined when another process holds the build lock. */
export function buildBundle(root?: string): Promise<string | undefined>;
/** The fresh bundle, else a new one; undefined (run the sources with tsx) when DRIFTBOOK_NO_BUNDLE is set or none can be had. */
export function bundledMain(root?: string): Promise<string | undefined>;
