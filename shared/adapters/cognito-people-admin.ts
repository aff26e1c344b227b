/**
 * The people screen's hands on the user pool: invite (AdminCreateUser,
 * which sends the pool's Thai invitation), groups in and out, disable, and
 * the agency's people with their groups. The local stack creates its demo
 * people through this same class.
 */

import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Person } from '../people/person.js';
import { personOf } from './cognito-people-directory.js';

export interface Invitation {
  email: string;
  name: string;
  position: string;
  /** The username; the e-mail address when absent. */
  username?: string;
  groups: readonly string[];
  /** Create without sending the invitation (the local demo people only). */
  silent?: boolean;
}

export class CognitoPeopleAdmin {
  private readonly knownGroups = new Set<string>();

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async invite(invitation: Invitation): Promise<Person> {
    const username = invitation.username ?? invitation.email;
    const { User } = await this.client.send(
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
    );
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
