/**
 * The people of the user pool as the notifier needs them: the members of a
 * set of groups, right now. Each group is listed in full (ListUsersInGroup,
 * page by page) and the lists are intersected. A directory object remembers
 * its listings, so one batch of notices asks Cognito once per group; make a
 * new one per batch so a change of membership is seen by the next.
 */

import {
  type CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Person } from '../people/person.js';
import type { PeopleDirectory } from '../workflow/ports.js';

export function personOf(user: UserType): Person | undefined {
  const attributes = new Map((user.Attributes ?? []).map((a) => [a.Name ?? '', a.Value ?? '']));
  const sub = attributes.get('sub');
  if (!sub || !user.Username) return undefined;
  const optional = (name: string) => {
    const value = attributes.get(name);
    return value ? value : undefined;
  };
  const email = optional('email');
  const name = optional('name');
  const position = optional('custom:position');
  return {
    sub,
    username: user.Username,
    ...(email ? { email } : {}),
    ...(name ? { name } : {}),
    ...(position ? { position } : {}),
    enabled: user.Enabled !== false,
    ...(user.UserStatus ? { status: user.UserStatus } : {}),
    ...(user.UserLastModifiedDate
      ? { lastModified: new Date(user.UserLastModifiedDate).toISOString() }
      : {}),
  };
}

export class CognitoPeopleDirectory implements PeopleDirectory {
  private readonly listings = new Map<string, Promise<Person[]>>();

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async membersOfAll(groups: readonly string[]): Promise<Person[]> {
    const lists = await Promise.all(groups.map((g) => this.membersOf(g)));
    const [first = [], ...rest] = lists;
    const inAll = rest.map((list) => new Set(list.map((p) => p.sub)));
    return first.filter((p) => inAll.every((set) => set.has(p.sub)));
  }

  membersOf(group: string): Promise<Person[]> {
    let listing = this.listings.get(group);
    if (!listing) {
      listing = this.list(group);
      this.listings.set(group, listing);
      // A failed listing is not remembered: the retry asks again.
      listing.catch(() => this.listings.delete(group));
    }
    return listing;
  }

  private async list(group: string): Promise<Person[]> {
    const people: Person[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListUsersInGroupCommand({
          UserPoolId: this.userPoolId,
          GroupName: group,
          Limit: 60,
          NextToken: token,
        }),
      );
      for (const user of page.Users ?? []) {
        const person = personOf(user);
        if (person) people.push(person);
      }
      token = page.NextToken;
    } while (token);
    return people;
  }
}
