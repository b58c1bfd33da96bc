#!/usr/bin/env bash
# Drive `callscrub edit` in a real terminal (tmux): open seed 001, accept the first
# Accutel proposal, reject the one after it, save, quit, and show the saved files.
# Usage: bench/tmux_editor.sh [SHARED]   (needs tmux; run from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
seed=$(ls "$shared"/seeds/001_*.txt)
out=$(mktemp -d)
session="callscrub-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$out"' EXIT

screen() {  # print the screen under a heading
    echo "----- $1 -----"
    tmux capture-pane -p -t "$session" | sed 's/[[:space:]]*$//'
}

wait_for() {  # wait until the screen shows $1
    for _ in $(seq 100); do
        tmux capture-pane -p -t "$session" | grep -q -- "$1" && return 0
        sleep 0.1
    done
    screen "timed out waiting for: $1"
    exit 1
}

tmux new-session -d -s "$session" -x 150 -y 40 \
    ".venv/bin/callscrub edit '$seed' --out '$out' --apply none \
     --glossary examples/glossaries/global.toml --glossary examples/glossaries/smsi.toml"
wait_for "pending ·"
tmux send-keys -t "$session" f            # only entity proposals
wait_for "rejected · entity,"
tmux send-keys -t "$session" j            # CF0 -> CFO is first; Accutel -> Ecutel next
wait_for "original:    Accutel"
screen "the Accutel proposal selected"
tmux send-keys -t "$session" a            # accept it; the cursor moves on
wait_for "· 1 accepted ·"
tmux send-keys -t "$session" r            # reject the next one
wait_for "· 1 rejected ·"
screen "after a (accept) and r (reject)"
tmux send-keys -t "$session" s
wait_for "· saved"
tmux send-keys -t "$session" q
for _ in $(seq 50); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.1; done

echo "----- saved files -----"
ls -1 "$out"
echo "----- decisions on the entity proposals, from the saved .json -----"
.venv/bin/python - "$out" <<'PY'
import json, pathlib, sys
data = json.loads(next(pathlib.Path(sys.argv[1]).glob("*.json")).read_text())
for edit in data["edits"]:
    if edit["cleaner"] == "entities":
        print(f'{edit["id"]:>5} {edit["status"]:<8} {edit["original"]!r} -> {edit["replacement"]!r}')
PY
echo "----- the saved clean text -----"
echo "Accutel left: $(grep -o Accutel "$out"/*.txt | wc -l) (one accepted, one rejected, six undecided)"
echo "Ecutel now: $(grep -o Ecutel "$out"/*.txt | wc -l) (the one accepted)"
