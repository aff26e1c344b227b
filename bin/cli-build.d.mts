export declare const ROOT: string;
export declare const DIST: string;
export declare const ENTRY: string;
export declare const LOCAL_STACK_COMMANDS: readonly string[];
export declare function buildCli(): Promise<{ inputs: number; ms: number }>;
export declare function isBuildFresh(): boolean;
