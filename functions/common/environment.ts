/** The value of a required environment variable; a missing one is a deployment bug. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

/** The clock, behind a function so tests can fix it with vi.setSystemTime. */
export const now = () => new Date();
