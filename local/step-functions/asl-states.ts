/** Walking an ASL definition, into Map processors and Parallel branches. */

export type AslState = Record<string, unknown> & { Type: string };
export interface AslMachine extends Record<string, unknown> {
  StartAt: string;
  States: Record<string, AslState>;
}

/** The nested machines a state holds: a Map's processor, a Parallel's branches. */
function nestedMachines(state: AslState): AslMachine[] {
  const processor = (state.ItemProcessor ?? state.Iterator) as AslMachine | undefined;
  const branches = (state.Branches ?? []) as AslMachine[];
  return [...(processor ? [processor] : []), ...branches];
}

/** Every state of the machine, nested ones included, with its name. */
export function* allStates(machine: AslMachine): Generator<[string, AslState]> {
  for (const [name, state] of Object.entries(machine.States)) {
    yield [name, state];
    for (const nested of nestedMachines(state)) yield* allStates(nested);
  }
}

/**
 * For each state, the Map and Parallel states it runs inside (outermost
 * first): the scopes whose failure must stop it.
 */
export function enclosingScopes(machine: AslMachine, outer: string[] = []): Map<string, string[]> {
  const scopes = new Map<string, string[]>();
  for (const [name, state] of Object.entries(machine.States)) {
    scopes.set(name, outer);
    for (const nested of nestedMachines(state)) {
      for (const [inner, path] of enclosingScopes(nested, [...outer, name]))
        scopes.set(inner, path);
    }
  }
  return scopes;
}
