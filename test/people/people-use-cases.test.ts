import { describe, expect, it } from 'vitest';
import { changePersonGroups } from '../../shared/people/change-person-groups.js';
import { createAgency } from '../../shared/people/create-agency.js';
import { disablePerson } from '../../shared/people/disable-person.js';
import { invitePerson } from '../../shared/people/invite-person.js';
import { listAgencyPeople, listPeopleChanges } from '../../shared/people/list-agency-people.js';
import {
  AgencyHasCoordinatorError,
  InvalidPeopleRequestError,
  LastCoordinatorError,
  NothingGrantedError,
  NotPermittedError,
  type PeopleRefusalError,
  PersonExistsError,
  PersonInOtherAgencyError,
  PersonNotFoundError,
  SelfDisableError,
  SelfGrantError,
} from '../../shared/people/people-errors.js';
import {
  readCreateAgencyRequest,
  readGroupChange,
  readInviteRequest,
} from '../../shared/people/people-requests.js';
import { belongsToAgency } from '../../shared/workflow/caller.js';
import { NATIONAL_OPERATOR_GROUP, STAFF_ROLES } from '../../shared/workflow/roles.js';
import { callerWith, inMemoryPeople } from './in-memory-people.js';

const coordinator = callerWith('coord', ['opdc:coordinator']);
const operator = callerWith('operator', [NATIONAL_OPERATOR_GROUP]);

function agency() {
  return inMemoryPeople([
    { sub: 'coord', name: 'ผู้ประสานงาน', groups: ['opdc:coordinator'] },
    { sub: 'staff', name: 'เจ้าหน้าที่', groups: ['opdc:division:planning'] },
    { sub: 'both', name: 'สองหน่วยงาน', groups: ['opdc:division:legal', 'dga:division:legal'] },
    { sub: 'stranger', name: 'หน่วยงานอื่น', groups: ['dga:coordinator'] },
  ]);
}

/** The refusal a promise ends in, so its class, status and problem codes can all be asserted. */
async function refusal(promise: Promise<unknown>): Promise<PeopleRefusalError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected a refusal');
  return error as PeopleRefusalError;
}

const codes = (error: PeopleRefusalError) => error.problems.map((p) => p.code);

describe('The people screen: who may manage people', () => {
  it.each([
    ['staff of a division', callerWith('staff', ['opdc:division:planning']), 'auth.notRole'],
    ['another agency’s coordinator', callerWith('stranger', ['dga:coordinator']), 'auth.notMember'],
    ['the national operator', operator, 'auth.notMember'],
  ])('refuses %s the agency’s people', async (_who, caller, code) => {
    const { ports } = agency();
    const error = await refusal(listAgencyPeople(ports, caller, 'opdc'));
    expect(error).toBeInstanceOf(NotPermittedError);
    expect(error.status).toBe(403);
    expect(codes(error)).toEqual([code]);
    expect(error.problems[0]?.message.th).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('lists the agency’s people with this agency’s roles and divisions only', async () => {
    const { ports } = agency();
    const people = await listAgencyPeople(ports, coordinator, 'opdc');
    expect(people.map((p) => p.sub).sort()).toEqual(['both', 'coord', 'staff']);
    expect(people.find((p) => p.sub === 'both')).toMatchObject({ roles: [], divisions: ['legal'] });
  });

  it('reads the national operator’s group as no membership of any agency', () => {
    expect(operator.nationalOperator).toBe(true);
    expect(belongsToAgency(operator, 'national-operator')).toBe(false);
    expect(coordinator.nationalOperator).toBeUndefined();
  });
});

describe('Inviting', () => {
  it('creates the account in the agency’s groups and records who invited whom, without the address', async () => {
    const { ports, changes, pool } = agency();
    const request = readInviteRequest({
      email: ' Director-1@People.Example ',
      name: 'นางสาว  สมใจ',
      position: 'ผู้อำนวยการกอง',
      roles: ['division-director'],
      divisions: ['planning'],
    });
    const person = await invitePerson(ports, coordinator, 'opdc', request);
    expect(person).toMatchObject({ roles: ['division-director'], divisions: ['planning'] });
    expect([...(pool.get('director-1@people.example')?.groups ?? [])]).toEqual([
      'opdc:division-director',
      'opdc:division:planning',
    ]);
    expect(pool.get('director-1@people.example')?.person.name).toBe('นางสาว สมใจ');
    expect(changes).toEqual([
      expect.objectContaining({
        action: 'invite',
        by: { sub: 'coord', name: 'name of coord' },
        target: { sub: person.sub, name: 'นางสาว สมใจ' },
        at: '2026-12-01T03:00:00.000Z',
      }),
    ]);
    expect(JSON.stringify(changes)).not.toContain('@');
  });

  it('refuses an invitation that grants nothing, and an address that has an account', async () => {
    const { ports } = agency();
    const base = { email: 'a@people.example', name: 'ก', position: 'ข' };
    expect(
      await refusal(invitePerson(ports, coordinator, 'opdc', readInviteRequest(base))),
    ).toBeInstanceOf(NothingGrantedError);
    const twice = readInviteRequest({ ...base, roles: ['internal-audit'] });
    await invitePerson(ports, coordinator, 'opdc', twice);
    const error = await refusal(invitePerson(ports, coordinator, 'opdc', twice));
    expect(error).toBeInstanceOf(PersonExistsError);
    expect(error.status).toBe(409);
  });

  it('says where a request body is wrong', () => {
    const error = (() => {
      try {
        readInviteRequest({ email: 'not an address', name: 'ก', position: 'ข', roles: ['boss'] });
      } catch (e) {
        return e as PeopleRefusalError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidPeopleRequestError);
    expect(error?.problems.map((p) => p.path).sort()).toEqual(['$.email', '$.roles[0]']);
    expect(() => readGroupChange({ change: 'add', role: 'coordinator', division: 'x' })).toThrow(
      InvalidPeopleRequestError,
    );
    expect(() => readCreateAgencyRequest({ agencyId: 'Bad/Id', coordinator: {} })).toThrow(
      InvalidPeopleRequestError,
    );
  });
});

describe('Changing a role or a division', () => {
  it('adds a role and records it; asking again changes and records nothing', async () => {
    const { ports, pool, changes } = agency();
    const change = readGroupChange({ change: 'add', role: 'internal-audit' });
    await changePersonGroups(ports, coordinator, 'opdc', 'staff', change);
    await changePersonGroups(ports, coordinator, 'opdc', 'staff', change);
    expect(pool.get('staff')?.groups.has('opdc:internal-audit')).toBe(true);
    expect(changes.map((c) => c.action)).toEqual(['add-role']);
  });

  it('refuses anyone a role for themselves', async () => {
    const { ports, pool } = agency();
    const change = readGroupChange({ change: 'add', division: 'planning' });
    const error = await refusal(changePersonGroups(ports, coordinator, 'opdc', 'coord', change));
    expect(error).toBeInstanceOf(SelfGrantError);
    expect(pool.get('coord')?.groups.has('opdc:division:planning')).toBe(false);
  });

  it('keeps the last coordinator, and lets one of two step down', async () => {
    const { ports, pool } = agency();
    const remove = readGroupChange({ change: 'remove', role: 'coordinator' });
    const error = await refusal(changePersonGroups(ports, coordinator, 'opdc', 'coord', remove));
    expect(error).toBeInstanceOf(LastCoordinatorError);
    expect(codes(error)).toEqual(['people.lastCoordinator']);

    const second = callerWith('staff', ['opdc:coordinator']);
    pool.get('staff')?.groups.add('opdc:coordinator');
    await changePersonGroups(ports, second, 'opdc', 'coord', remove);
    expect(pool.get('coord')?.groups.has('opdc:coordinator')).toBe(false);
  });

  it('does not count a disabled coordinator as the one who remains', async () => {
    const { ports, pool } = agency();
    const staff = pool.get('staff');
    staff?.groups.add('opdc:coordinator');
    if (staff) staff.person.enabled = false;
    const remove = readGroupChange({ change: 'remove', role: 'coordinator' });
    expect(
      await refusal(changePersonGroups(ports, coordinator, 'opdc', 'coord', remove)),
    ).toBeInstanceOf(LastCoordinatorError);
  });

  it('answers another agency’s person as not found', async () => {
    const { ports } = agency();
    const change = readGroupChange({ change: 'add', role: 'internal-audit' });
    const error = await refusal(changePersonGroups(ports, coordinator, 'opdc', 'stranger', change));
    expect(error).toBeInstanceOf(PersonNotFoundError);
    expect(error.status).toBe(404);
  });
});

describe('Disabling', () => {
  it('disables a person of the agency only, and records it', async () => {
    const { ports, pool, changes } = agency();
    const person = await disablePerson(ports, coordinator, 'opdc', 'staff');
    expect(person.enabled).toBe(false);
    expect(pool.get('staff')?.person.enabled).toBe(false);
    expect(changes.map((c) => [c.action, c.target.sub])).toEqual([['disable', 'staff']]);
  });

  it('refuses oneself, someone also in another agency, and the last coordinator', async () => {
    const { ports, pool } = agency();
    expect(await refusal(disablePerson(ports, coordinator, 'opdc', 'coord'))).toBeInstanceOf(
      SelfDisableError,
    );
    expect(await refusal(disablePerson(ports, coordinator, 'opdc', 'both'))).toBeInstanceOf(
      PersonInOtherAgencyError,
    );
    expect(pool.get('both')?.person.enabled).toBe(true);
    // A token still says coordinator after its holder left the group: the one left stays.
    const former = callerWith('staff', ['opdc:coordinator']);
    expect(await refusal(disablePerson(ports, former, 'opdc', 'coord'))).toBeInstanceOf(
      LastCoordinatorError,
    );
  });
});

describe('Creating an agency', () => {
  const request = readCreateAgencyRequest({
    agencyId: 'dsi',
    coordinator: { email: 'first@people.example', name: 'ผู้ประสานงานคนแรก', position: 'นักวิเคราะห์' },
  });

  it('is the national operator’s only', async () => {
    const { ports } = agency();
    const error = await refusal(createAgency(ports, coordinator, request));
    expect(error).toBeInstanceOf(NotPermittedError);
    expect(codes(error)).toEqual(['people.notOperator']);
  });

  it('creates the role groups and invites the first coordinator; the operator joins nothing', async () => {
    const { ports, groups, changes } = agency();
    const created = await createAgency(ports, operator, request);
    expect(created.coordinator.roles).toEqual(['coordinator']);
    for (const role of STAFF_ROLES) expect(groups.has(`dsi:${role}`)).toBe(true);
    const members = await ports.admin.agencyMembers('dsi');
    expect(members.map((m) => m.person.sub)).toEqual([created.coordinator.sub]);
    expect(await listPeopleChanges(ports, callerWith('x', ['dsi:coordinator']), 'dsi')).toEqual([
      expect.objectContaining({
        action: 'create-agency',
        by: { sub: 'operator', name: 'name of operator' },
      }),
    ]);
    expect(changes).toHaveLength(1);
  });

  it('refuses an agency that has a coordinator already', async () => {
    const { ports } = agency();
    const existing = readCreateAgencyRequest({ ...request, agencyId: 'opdc' });
    const error = await refusal(createAgency(ports, operator, existing));
    expect(error).toBeInstanceOf(AgencyHasCoordinatorError);
    expect(error.status).toBe(409);
  });
});
