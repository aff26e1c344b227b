/**
 * The Cognito hosted UI's domain prefix. The user pool names it; the
 * portal's content security policy, made before the user pool exists, needs
 * the same name.
 */

export function hostedUiDomainPrefix(stage: string, account: string): string {
  return `acm-report-${stage}-${account}`;
}
