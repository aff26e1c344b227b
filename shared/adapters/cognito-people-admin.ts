/**
 * The people screen's hands on the user pool: invite (AdminCreateUser,
 * which sends the pool's Thai invitation), groups in and out, disable, and
 * the agency's people with their groups (ListGroups, then each of the
 * agency's groups listed in full). The local stack creates its demo people
 * through this same class.
 */

import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  ListGroupsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { type AgencyMember, agencyGroupPrefix } from '../people/agency-person.js';
import type { Invitation } from '../people/invitation.js';
import { PersonExistsError } from '../people/people-errors.js';
import { peopleProblem } from '../people/people-messages.js';
import type { Person } from '../people/person.js';
import type { PeopleAdmin } from '../workflow/ports.js';
import { CognitoPeopleDirectory, personOf } from './cognito-people-directory.js';

export class CognitoPeopleAdmin implements PeopleAdmin {
  private readonly knownGroups = new Set<string>();

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async invite(invitation: Invitation): Promise<Person> {
    const username = invitation.username ?? invitation.email;
    const { User } = await this.client
      .send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: username,
          DesiredDeliveryMediums: ['EMAIL'],
          ...(invitation.silent ? { MessageAction: 'SUPPRESS' } : {}),
          UserAttributes: [
            { Name: 'email', Value: invitation.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: invitation.name },
            { Name: 'custom:position', Value: invitation.position },
          ],
        }),
      )
      .catch((error: unknown) => {
        // The service's own words stay out of what a person reads.
        if (error instanceof Error && error.name === 'UsernameExistsException') {
          throw new PersonExistsError([
            peopleProblem('people.exists', '$.email', { email: invitation.email }),
          ]);
        }
        throw error;
      });
    for (const group of invitation.groups) await this.addToGroup(username, group);
    const person = User ? personOf(User) : undefined;
    if (!person) throw new Error(`the user pool returned no sub for ${username}`);
    return person;
  }

  /** Creates the group unless it exists (a role or division group met for the first time). */
  async ensureGroup(group: string): Promise<void> {
    if (this.knownGroups.has(group)) return;
    try {
      await this.client.send(
        new CreateGroupCommand({ UserPoolId: this.userPoolId, GroupName: group }),
      );
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'GroupExistsException') throw error;
    }
    this.knownGroups.add(group);
  }

  async addToGroup(username: string, group: string): Promise<void> {
    await this.ensureGroup(group);
    await this.client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        GroupName: group,
      }),
    );
  }

  async removeFromGroup(username: string, group: string): Promise<void> {
    await this.client.send(
      new AdminRemoveUserFromGroupCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        GroupName: group,
      }),
    );
  }

  async disable(username: string): Promise<void> {
    await this.client.send(
      new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username }),
    );
  }

  /** A fresh listing per call: a people screen must see the membership as it is now. */
  async agencyMembers(agencyId: string): Promise<AgencyMember[]> {
    const prefix = agencyGroupPrefix(agencyId);
    const groups = (await this.allGroups()).filter((g) => g.startsWith(prefix));
    const directory = new CognitoPeopleDirectory(this.client, this.userPoolId);
    const members = new Map<string, { person: Person; groups: string[] }>();
    for (const group of groups) {
      for (const person of await directory.membersOf(group)) {
        const member = members.get(person.sub) ?? { person, groups: [] };
        member.groups.push(group);
        members.set(person.sub, member);
      }
    }
    return [...members.values()];
  }

  private async allGroups(): Promise<string[]> {
    const groups: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListGroupsCommand({ UserPoolId: this.userPoolId, Limit: 60, NextToken: token }),
      );
      for (const g of page.Groups ?? []) if (g.GroupName) groups.push(g.GroupName);
      token = page.NextToken;
    } while (token);
    for (const g of groups) this.knownGroups.add(g);
    return groups;
  }

  async groupsOf(username: string): Promise<string[]> {
    const groups: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new AdminListGroupsForUserCommand({
          UserPoolId: this.userPoolId,
          Username: username,
          NextToken: token,
        }),
      );
      for (const g of page.Groups ?? []) if (g.GroupName) groups.push(g.GroupName);
      token = page.NextToken;
    } while (token);
    return groups;
  }
}
