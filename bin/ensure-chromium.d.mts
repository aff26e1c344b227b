/** Flags for headless Chromium as root on a machine without outside network. */
export declare const CHROMIUM_ARGS: string[];
/** The path of an installed Chromium, if there is one. */
export declare function findChromium(): string | undefined;
/** The path of Chromium, installing Debian's package first when it is missing and we may. */
export declare function ensureChromium(options?: { log?: (line: string) => void }): string;
