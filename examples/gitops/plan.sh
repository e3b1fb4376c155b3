#!/usr/bin/env bash
# GitOps check: plan a flinkform configuration against a throwaway local control plane.
#
#   examples/gitops/plan.sh [--converge] [CONFIG_DIR]
#
# CONFIG_DIR   a Terraform directory (plain .tf or a synthesized cdktf stack);
#              default examples/hcl/clickstream
# --converge   also apply to the local control plane, then require an empty plan
#
# Exit codes follow `terraform plan -detailed-exitcode`: 0 no changes, 1 error (invalid SQL,
# slots exceeded, a bad attribute...), 2 changes, only with FLINKFORM_FAIL_ON_CHANGES=1 (against a
# fresh control plane every resource is a change, so by default 2 is reported and turned into 0).
# The report goes to stdout, to $FLINKFORM_PLAN_REPORT if set and to $GITHUB_STEP_SUMMARY on GitHub.
# FLINKFORM_ENGINE picks the control plane's engine: `simulated` (the default here: fast, and the
# example pipelines read from a Kafka that CI does not have) or `flink` (real Flink: --converge
# then really plans and runs the jobs, so their sources must be reachable).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONVERGE=0
CONFIG_DIR=""
for arg in "$@"; do
  case "$arg" in
    --converge) CONVERGE=1 ;;
    -h | --help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "plan.sh: unknown option $arg" >&2; exit 1 ;;
    *) CONFIG_DIR="$arg" ;;
  esac
done
CONFIG_DIR="$(cd "${CONFIG_DIR:-$ROOT/examples/hcl/clickstream}" 2>/dev/null && pwd)" || {
  echo "plan.sh: configuration directory ${CONFIG_DIR} does not exist" >&2
  exit 1
}

if ! command -v terraform >/dev/null 2>&1; then
  echo "plan.sh: terraform is not on PATH; install 1.5 or newer (https://developer.hashicorp.com/terraform/install)" >&2
  exit 1
fi
if [ ! -f "$ROOT/dist/flinkform.cjs" ]; then
  echo "plan.sh: $ROOT/dist/flinkform.cjs is missing; run npm ci (or npm run build) first" >&2
  exit 1
fi

WORK="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/flinkform-plan.XXXXXX")"
CP_PID=""
cleanup() {
  if [ -n "$CP_PID" ]; then
    kill "$CP_PID" 2>/dev/null || true
    wait "$CP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# 1. The local control plane, on a free port, with a token only this run knows.
FLINKFORM_LOCAL_TOKEN="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
export FLINKFORM_LOCAL_TOKEN
: >"$WORK/control-plane.out" # exists before the background job opens it: the loop below reads it at once
# The simulated engine runs FLINKFORM_SPEED times faster than the hosted service (FLINKFORM_TIME_SCALE,
# which multiplied durations, is honoured for one more release).
if [ -n "${FLINKFORM_TIME_SCALE:-}" ]; then SPEED=(--time-scale "$FLINKFORM_TIME_SCALE"); else SPEED=(--speed "${FLINKFORM_SPEED:-100}"); fi
node "$ROOT/dist/flinkform.cjs" local start --port 0 --data "$WORK/data" --quiet \
  --engine "${FLINKFORM_ENGINE:-simulated}" "${SPEED[@]}" >"$WORK/control-plane.out" 2>&1 &
CP_PID=$!
API_URL=""
for _ in $(seq 1 100); do
  API_URL="$(sed -n 's/^ *url: *//p' "$WORK/control-plane.out")"
  [ -n "$API_URL" ] && break
  if ! kill -0 "$CP_PID" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$API_URL" ]; then
  echo "plan.sh: the local control plane did not start:" >&2
  grep -v 'token' "$WORK/control-plane.out" >&2 || true
  exit 1
fi
echo "local control plane: $API_URL"

# 2. The provider, from this checkout, into a filesystem mirror terraform init can use offline.
node "$ROOT/dist/flinkform.cjs" provider install --dir "$WORK/provider" >"$WORK/install.out" 2>&1 || {
  echo "plan.sh: provider install failed:" >&2
  cat "$WORK/install.out" >&2
  exit 1
}
export TF_CLI_CONFIG_FILE="$WORK/provider/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
export FLINK_API_URL="$API_URL" FLINK_API_TOKEN="$FLINKFORM_LOCAL_TOKEN"
export FLINKFORM_POLL_INTERVAL_MS="${FLINKFORM_POLL_INTERVAL_MS:-100}"

# 3. A private copy of the configuration, so no state or lock file lands in the repository.
cp -R "$CONFIG_DIR" "$WORK/config"
rm -rf "$WORK/config/.terraform" "$WORK/config"/terraform.tfstate*
cd "$WORK/config"
terraform init -input=false -no-color >"$WORK/init.log" 2>&1 || { cat "$WORK/init.log" >&2; exit 1; }

report() {
  local title="$1" body="$2"
  local text
  text="$(printf '### flinkform plan: %s\n\n```\n%s\n```\n' "$title" "$body")"
  echo "$text"
  [ -n "${FLINKFORM_PLAN_REPORT:-}" ] && echo "$text" >>"$FLINKFORM_PLAN_REPORT"
  [ -n "${GITHUB_STEP_SUMMARY:-}" ] && echo "$text" >>"$GITHUB_STEP_SUMMARY"
  return 0
}

plan() {
  local code=0
  terraform plan -input=false -no-color -detailed-exitcode -out="$WORK/tfplan" >"$WORK/plan.txt" 2>&1 || code=$?
  return $code
}

code=0
plan || code=$?
case $code in
  0) report "no changes" "$(grep -E '^No changes' "$WORK/plan.txt" || echo 'No changes.')" ;;
  2) report "changes" "$(grep -E '^  # |^Plan:' "$WORK/plan.txt")" ;;
  *) report "error" "$(cat "$WORK/plan.txt")"; exit 1 ;;
esac

if [ "$CONVERGE" = 1 ]; then
  terraform apply -input=false -no-color -auto-approve "$WORK/tfplan" >"$WORK/apply.txt" 2>&1 || {
    report "apply failed" "$(cat "$WORK/apply.txt")"
    exit 1
  }
  converged=0
  plan || converged=$?
  case $converged in
    0) report "converged" "$(grep -E '^Apply complete' "$WORK/apply.txt") A second plan has no changes." ;;
    2) report "does not converge" "$(cat "$WORK/plan.txt")"; exit 2 ;;
    *) report "error after apply" "$(cat "$WORK/plan.txt")"; exit 1 ;;
  esac
fi

if [ $code = 2 ] && [ "${FLINKFORM_FAIL_ON_CHANGES:-0}" = 1 ]; then exit 2; fi
exit 0
