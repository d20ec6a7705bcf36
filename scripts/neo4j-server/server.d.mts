export declare const SERVER_DIR: string;
export declare const NO_JAVA_MAVEN: string;
export declare function javaAndMaven(): { ok: boolean; reason?: string };
export declare function prepareNeo4jServer(options?: { quiet?: boolean }): void;
export interface StartOptions {
  password?: string;
  importDir?: string;
  dataDir?: string;
  adminImport?: string[];
  heap?: string;
  boltPort?: number;
  httpPort?: number;
  timeoutMs?: number;
  inherit?: boolean;
}
export interface RunningServer {
  uri: string;
  http: string;
  password: string | undefined;
  pid: number | undefined;
  exited: Promise<{ code: number | null; signal: string | null }>;
  log(): string;
  stop(options?: { kill?: boolean }): Promise<void>;
}
export declare function startNeo4jServer(options?: StartOptions): Promise<RunningServer>;
export declare function findJava(): string | undefined;
