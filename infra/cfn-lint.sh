#!/usr/bin/env bash
# Lints every template `npx cdk synth` wrote to cdk.out with cfn-lint (AWS's
# CloudFormation linter): zero errors, and only the warnings acknowledged in
# infra/cfn-lint-acknowledged.txt, each with its reason.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cfn-lint >/dev/null 2>&1; then
  echo "cfn-lint is not installed. Install it with: pip install cfn-lint  (or: pipx install cfn-lint)" >&2
  exit 1
fi
ignored=$(grep -Ev '^\s*(#|$)' infra/cfn-lint-acknowledged.txt | awk '{print $1}' | paste -sd, -)
shopt -s nullglob
templates=(cdk.out/*.template.json)
if [ ${#templates[@]} -eq 0 ]; then
  echo "no template in cdk.out: run npx cdk synth first" >&2
  exit 1
fi
echo "cfn-lint $(cfn-lint --version | awk '{print $2}') on ${templates[*]} (acknowledged: ${ignored:-none})"
cfn-lint --ignore-checks "${ignored}" -- "${templates[@]}"
echo "cfn-lint: no errors, no unacknowledged warnings"
