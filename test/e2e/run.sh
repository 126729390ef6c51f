#!/usr/bin/env bash
# End-to-end test in a real terminal: pack the package, install the tarball into a temporary
# prefix, run `newsreader` in tmux at 100x30 with CI=false (Ink renders nothing live when CI is
# set), send keys, and assert on what capture-pane shows. Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
command -v tmux >/dev/null || { echo "e2e: tmux is required (apt-get install tmux)"; exit 2; }

work=$(mktemp -d)
session="nr-e2e-$$"
# A tmux server of our own: a session on someone else's server would not see our environment.
tmux() { command tmux -L "$session" "$@"; }
cleanup() { tmux kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

npm pack --silent --pack-destination "$work" >/dev/null 2>"$work/pack.log" || { cat "$work/pack.log"; exit 1; }
tarball=$(ls "$work"/*.tgz)
npm install --silent --no-audit --no-fund --global --prefix "$work/prefix" "$tarball" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
bin="$work/prefix/bin/newsreader"

passed=0 failed=0
check() { # name, command...
	local name=$1; shift
	if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; echo "---- screen:"; screen; echo "----"; fi
}
screen() { tmux capture-pane -p -t "$session"; }
has() { screen | grep -qF -- "$1"; }
lacks() { ! has "$1"; }
# Wait until the screen shows $1 (up to ~5 s).
wait_for() { for _ in $(seq 1 50); do has "$1" && return 0; sleep 0.1; done; return 1; }
send() { tmux send-keys -t "$session" "$@"; sleep 0.3; }

check "--version prints the version" test "$("$bin" --version)" = "$(node -p "require('./package.json').version")"
check "--help prints usage" sh -c "'$bin' --help | grep -q 'Usage:'"
check "bad usage: the message, then the usage on its own lines, exit 2" sh -c "'$bin' --bogus 2>&1 >/dev/null | sed -n 2p | grep -qx 'Usage:'; test \$? -eq 0 && { '$bin' --bogus 2>/dev/null; test \$? -eq 2; }"
check "a bad path is one clear line and exit 2" sh -c "'$bin' /no/such/path 2>&1 >/dev/null | grep -qx 'newsreader: no such file or folder: /no/such/path'; test \$? -eq 0 && { '$bin' /no/such/path 2>/dev/null; test \$? -eq 2; }"
check "piped output prints the overview and exits 0" sh -c "'$bin' | grep -q 'NBC News'"
check "the packed build reads a folder of .txt, .md and .html articles" sh -c "'$bin' test/fixtures/content/ferry-strike 2>&1 | grep -q '^4 articles from 4 outlets'"
check "quotes --json from the packed build" sh -c "'$bin' quotes --json | grep -q '\"speaker\": \"Dmitry Peskov\"'"
check "--json into a pipe closed early ends quietly (no 'unexpected error')" sh -c "test -z \"\$( { '$bin' align --json | head -c 10 >/dev/null; } 2>&1 )\""

# Progress and cache in fresh folders, passed explicitly to the program.
tmux new-session -d -s "$session" -x 100 -y 30 "env CI=false TERM=xterm-256color XDG_CONFIG_HOME='$work/config' NEWSREADER_CACHE_DIR='$work/cache' '$bin'; echo \"EXIT:\$?\" > '$work/exit'; sleep 30"
check "overview shows the five outlets" wait_for "CGTN"
for outlet in "The Hill" "NBC News" "CNN" "CGTN" "RT"; do check "overview lists $outlet" has "$outlet"; done
send Enter
check "Enter opens The Hill's article text" wait_for "The Kremlin on Sunday said President Biden"
send j
check "j moves focus to passage 2" wait_for "2/12"
send l
check "l switches to NBC News" wait_for "MOSCOW — President Joe Biden"
check "page furniture is not shown" lacks "IE 11 is not supported"
send /
tmux send-keys -t "$session" -l "Zakharova"; sleep 0.5
check "/ searches every outlet" wait_for "for “Zakharova”"
send Enter
check "Enter on a search result opens RT at the match" wait_for "Foreign Ministry spokeswoman Maria Zakharova"
send n
check "n shows the match counter" wait_for "“Zakharova”"
send '?'
check "? shows help" wait_for "previous outlet"
send q
send q
check "q goes back to the overview" wait_for "5 articles"
send q
for _ in $(seq 1 30); do [ -s "$work/exit" ] && break; sleep 0.1; done
check "q q quits cleanly with exit 0" grep -qx "EXIT:0" "$work/exit"
check "progress was saved to the config folder" sh -c "grep -qs '\"passageIndex\"' '$work/config/newsreader-nodejs/progress.json'"

# The user's own folder, not in any cache: the analysis runs on the worker thread of the packed
# build, and its links reach the reader (the header counts the other outlets; ] jumps to one).
own="$session-own"
tmux new-session -d -s "$own" -x 100 -y 30 "env CI=false TERM=xterm-256color XDG_CONFIG_HOME='$work/config-own' NEWSREADER_CACHE_DIR='$work/cache-own' '$bin' test/fixtures/content/ferry-strike; sleep 30"
own_has() { for _ in $(seq 1 50); do tmux capture-pane -p -t "$own" | grep -qE -- "$1" && return 0; sleep 0.1; done; return 1; }
check "the package ships the analysis worker" test -f "$work/prefix/lib/node_modules/@newsreader-app/newsreader/dist/analysis-worker.js"
check "own folder: the overview opens" own_has "^4 articles"
tmux send-keys -t "$own" Enter; sleep 0.3
check "own folder: the worker's analysis arrives (passage 1 is in 3 other outlets)" own_has "1/6 · in 3 others"
tmux send-keys -t "$own" ']'; sleep 0.3
check "own folder: ] jumps to the same passage in another outlet" own_has " [234] of 4 *$"
tmux kill-session -t "$own"

# Hostile terminals: TERM=dumb still works; SIGTERM and Ctrl-C leave the terminal usable.
shell="$session-sh"
tmux new-session -d -s "$shell" -x 80 -y 24 "env -u CI bash --norc --noprofile"
sh_send() { tmux send-keys -t "$shell" "$@"; sleep 0.5; }
sh_has() { tmux capture-pane -p -t "$shell" | grep -qF -- "$1"; }
sh_wait() { for _ in $(seq 1 50); do sh_has "$1" && return 0; sleep 0.1; done; tmux capture-pane -p -t "$shell"; return 1; }
run_env="CI=false XDG_CONFIG_HOME='$work/config2' NEWSREADER_CACHE_DIR='$work/cache'"
sh_send "export PS1='READY\$ '; clear" Enter
sh_send "env $run_env TERM=dumb '$bin'" Enter
check "TERM=dumb shows the overview" sh_wait "5 articles"
sleep 0.5
sh_send "Q"
check "TERM=dumb: Q quits" sh_wait "READY"
sh_send "clear; env $run_env '$bin'; stty -a | grep -o 'icanon\\|-icanon' | head -1; echo TERM-DONE" Enter
sh_wait "5 articles"
sleep 0.5
pkill -TERM -f "^node $work/prefix/bin/newsreader" || true
check "after SIGTERM the terminal is back in canonical mode" sh_wait "TERM-DONE"
check "after SIGTERM: icanon" sh -c "tmux -L '$session' capture-pane -p -t '$shell' | grep -B1 '^TERM-DONE' | grep -qx icanon"
sh_send "clear; env $run_env '$bin'" Enter
sh_wait "5 articles"
sleep 0.5
sh_send C-c
sh_send "stty -a | grep -o 'icanon\\|-icanon' | head -1; echo CTRLC-DONE" Enter
check "Ctrl-C quits and the terminal is back in canonical mode" sh_wait "CTRLC-DONE"
check "after Ctrl-C: icanon" sh -c "tmux -L '$session' capture-pane -p -t '$shell' | grep -B1 '^CTRLC-DONE' | grep -qx icanon"

# Keys typed before the reader is up (the terminal holds them, Enter as a newline) still count.
ahead="$session-ahead"
mkdir -p "$work/tmp3"
tmux new-session -d -s "$ahead" -x 100 -y 30 "env CI=false TERM=xterm-256color TMPDIR='$work/tmp3' XDG_CONFIG_HOME='$work/config3' NEWSREADER_CACHE_DIR='$work/cache' '$bin'; sleep 30"
tmux send-keys -t "$ahead" j j Enter
ahead_has() { tmux capture-pane -p -t "$ahead" | grep -qF -- "$1"; }
check "keys typed ahead of the first frame (j j Enter) open the third outlet" sh -c 'for _ in $(seq 1 50); do tmux -L "$0" capture-pane -p -t "$1" | grep -qF "The top State Department official for Europe" && exit 0; sleep 0.1; done; exit 1' "$session" "$ahead"
# Closing the terminal under the reader: no "unexpected error" log, progress kept.
tmux kill-session -t "$ahead"
sleep 1
check "closing the terminal leaves no error log" sh -c "! ls '$work/tmp3' | grep -q newsreader-error"
check "closing the terminal saved progress" sh -c "grep -qs '\"passageIndex\"' '$work/config3/newsreader-nodejs/progress.json'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
