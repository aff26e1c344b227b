/**
 * How the matrix asks the people routes, and what it reads beside the API
 * to tell: the agency's members and groups straight from the user pool
 * (the admin adapter over the local Cognito), and the audit rows.
 */

import { expect } from 'vitest';
import { localEmail } from '../../local/local-identities.js';
import type { LocalStack } from '../../local/local-stack.js';
import { CognitoPeopleAdmin } from '../../shared/adapters/cognito-people-admin.js';
import { DynamoDbPeopleChangeLog } from '../../shared/adapters/dynamodb-people-change-log.js';
import { rowName } from './expected-matrix.js';
import { AGENCY, PEOPLE_TARGETS, PRINCIPAL_KEYS, type Principal, subOf } from './principals.js';
import type { Probe } from './route-probes.js';
import type { TableTruth } from './table-truth.js';

export function peopleProbes(stack: LocalStack, truth: TableTruth): Map<string, Probe> {
  const admin = new CognitoPeopleAdmin(stack.cognito.client, stack.cognito.userPoolId);
  const changes = new DynamoDbPeopleChangeLog(truth.documents, stack.resources.tableName);
  const sub = (id: string) =>
    subOf(stack.identities.find((i) => i.id === id) ?? ({ sub: '' } as never));
  /** Who is in the agency, with which groups and whether enabled, and how many changes are kept. */
  const agencyState = async (agencyId = AGENCY) => ({
    members: (await admin.agencyMembers(agencyId))
      .map((m) => ({ sub: m.person.sub, enabled: m.person.enabled, groups: [...m.groups].sort() }))
      .sort((a, b) => a.sub.localeCompare(b.sub)),
    changes: (await changes.list(agencyId, 1000)).length,
  });
  const memberOf = async (subId: string) =>
    (await admin.agencyMembers(AGENCY)).find((m) => m.person.sub === subId);
  const ownSub = (principal: Principal) =>
    principal.identity ? subOf(principal.identity) : 'nobody';
  const index = (principal: Principal) => PRINCIPAL_KEYS.indexOf(principal.key);

  const probes = new Map<string, Probe>();
  const add = (route: string, target: string, probe: Probe) =>
    probes.set(rowName({ route, target }), probe);

  add('list-people', "the agency's people", {
    request: async () => ({ params: { agencyId: AGENCY } }),
    unchanged: async () => null,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(200);
      const subs = answer.body.people.map((p: { sub: string }) => p.sub);
      expect(subs).toContain(sub('coordinator'));
      expect(subs).toContain(sub(PEOPLE_TARGETS.shared.id));
      // Another agency's officer is not this agency's business.
      expect(subs).not.toContain(sub('dga-officer'));
      const shared = answer.body.people.find(
        (p: { sub: string }) => p.sub === sub(PEOPLE_TARGETS.shared.id),
      );
      expect(shared.divisions).toEqual(['legal']);
    },
  });

  add('invite-person', 'a new person in the agency', {
    request: async (principal) => ({
      params: { agencyId: AGENCY },
      body: {
        email: localEmail(`invitee-${index(principal)}`),
        name: `ผู้ได้รับเชิญ ${index(principal)}`,
        position: 'นักวิเคราะห์นโยบายและแผน',
        roles: ['internal-audit'],
      },
    }),
    unchanged: () => agencyState(),
    happened: async (_request, answer, principal) => {
      expect(answer.status).toBe(201);
      const member = await memberOf(answer.body.person.sub);
      expect(member?.groups).toEqual([`${AGENCY}:internal-audit`]);
      const [latest] = await changes.list(AGENCY, 1);
      expect(latest).toMatchObject({
        action: 'invite',
        by: { sub: ownSub(principal) },
        target: { sub: answer.body.person.sub },
      });
    },
  });

  add('change-person-groups', 'a role for a person of the agency', {
    request: async () => ({
      params: { agencyId: AGENCY, sub: sub(PEOPLE_TARGETS.promoted.id) },
      body: { change: 'add', role: 'anti-corruption-centre' },
    }),
    unchanged: () => agencyState(),
    happened: async (request, answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body.person.roles).toEqual(['anti-corruption-centre']);
      const member = await memberOf(String(request.params.sub));
      expect(member?.groups).toContain(`${AGENCY}:anti-corruption-centre`);
    },
  });

  add('change-person-groups', 'a role for the caller themselves', {
    request: async (principal) => ({
      params: { agencyId: AGENCY, sub: ownSub(principal) },
      body: { change: 'add', role: 'agency-head' },
    }),
    unchanged: () => agencyState(),
    happened: async () => {
      throw new Error('nobody may grant themselves a role');
    },
  });

  add('change-person-groups', "the last coordinator's own role removed", {
    request: async () => ({
      params: { agencyId: AGENCY, sub: sub('coordinator') },
      body: { change: 'remove', role: 'coordinator' },
    }),
    unchanged: () => agencyState(),
    happened: async () => {
      throw new Error('the last coordinator must stay');
    },
  });

  add('disable-person', 'a person of the agency', {
    request: async () => ({
      params: { agencyId: AGENCY, sub: sub(PEOPLE_TARGETS.leaving.id) },
    }),
    unchanged: () => agencyState(),
    happened: async (request, answer) => {
      expect(answer.status).toBe(200);
      expect((await memberOf(String(request.params.sub)))?.person.enabled).toBe(false);
      const [latest] = await changes.list(AGENCY, 1);
      expect(latest).toMatchObject({ action: 'disable', target: { sub: request.params.sub } });
    },
  });

  add('disable-person', 'a person who also works in another agency', {
    request: async () => ({
      params: { agencyId: AGENCY, sub: sub(PEOPLE_TARGETS.shared.id) },
    }),
    unchanged: () => agencyState(),
    happened: async () => {
      throw new Error('an account used in another agency is not disabled from this one');
    },
  });

  add('list-people-changes', "the agency's people changes", {
    request: async () => ({ params: { agencyId: AGENCY } }),
    unchanged: async () => null,
    happened: async (_request, answer) => {
      expect(answer.status).toBe(200);
      // The coordinator's invitation, change and disabling above, newest first.
      const actions = answer.body.changes.map((c: { action: string }) => c.action);
      expect(actions).toEqual(expect.arrayContaining(['invite', 'add-role', 'disable']));
      const times = answer.body.changes.map((c: { at: string }) => c.at);
      expect(times).toEqual([...times].sort().reverse());
      expect(JSON.stringify(answer.body)).not.toContain('@');
    },
  });

  add('create-agency', 'a new agency and its first coordinator', {
    request: async (principal) => ({
      params: {},
      body: {
        agencyId: `new-agency-${index(principal)}`,
        coordinator: {
          email: localEmail(`first-coordinator-${index(principal)}`),
          name: 'ผู้ประสานงานคนแรก',
          position: 'นักวิเคราะห์นโยบายและแผน',
        },
      },
    }),
    unchanged: (request) => agencyState((request.body as { agencyId: string }).agencyId),
    happened: async (request, answer, principal) => {
      const { agencyId } = request.body as { agencyId: string };
      expect(answer.status).toBe(201);
      const members = await admin.agencyMembers(agencyId);
      expect(members.map((m) => m.groups)).toEqual([[`${agencyId}:coordinator`]]);
      const [created] = await changes.list(agencyId, 1);
      expect(created).toMatchObject({ action: 'create-agency', by: { sub: ownSub(principal) } });
      // The operator is not made a member of the agency it created.
      expect(members.map((m) => m.person.sub)).not.toContain(ownSub(principal));
    },
  });

  return probes;
}
