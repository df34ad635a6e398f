#!/usr/bin/env bash
# Email import benchmark (not a test): generates a mailbox of N messages (default 100,000) as an
# mbox file and as a Maildir, imports each with kith-cli into a fresh database and prints
# messages/s, MB/s and peak RSS. When `mu` (maildir-utils) or `notmuch` are installed it indexes
# the same Maildir with them and prints the ratios.
#   bash bench/email_bench.sh [BUILD_DIR] [MESSAGES]
set -euo pipefail
build=${1:-build}
count=${2:-100000}
cli="$build/app/cli/kith-cli"
[ -x "$cli" ] || { echo "build kith-cli first ($cli missing)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/kith-email-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$count" <<'PY'
import base64, os, random, sys
work, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
people = [f"Person {i} <p{i}@example.org>" for i in range(2000)]
me = "Me <me@example.org>"
words = "the report grant meeting lunch draft budget review call friday thanks see attached".split()
os.makedirs(f"{work}/Maildir/cur"); os.makedirs(f"{work}/Maildir/new"); os.makedirs(f"{work}/Maildir/tmp")
mbox = open(f"{work}/all.mbox", "w", newline="\n")
root = None
for i in range(count):
    if i % 4 == 0: root = i
    them = people[rng.randrange(len(people))]
    mine = i % 4 == 2
    frm, to = (me, them) if mine else (them, me)
    day = 1 + i % 28
    hdr = [f"From: {frm}", f"To: {to}", f"Subject: Re: {' '.join(rng.sample(words, 3))}",
           f"Date: Mon, {day:02d} Jun 2025 {i % 24:02d}:{i % 60:02d}:00 +0000",
           f"Message-ID: <m{i}@bench.example>"]
    if i != root:
        hdr += [f"In-Reply-To: <m{i-1}@bench.example>", f"References: <m{root}@bench.example> <m{i-1}@bench.example>"]
    if i % 10 == 0: hdr.append("List-Id: <news.example.org>")
    body = " ".join(rng.choice(words) for _ in range(rng.randrange(20, 300))) + "\n\nOn Monday, someone wrote:\n> " + " ".join(words) + "\n"
    if i % 20 == 0:  # 5% carry a 60 KB attachment
        blob = base64.encodebytes(os.urandom(45000)).decode()
        hdr += ["MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"']
        body = f"--b\nContent-Type: text/plain\n\n{body}\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n{blob}--b--\n"
    text = "\n".join(hdr) + "\n\n" + body
    mbox.write(f"From p@example.org Mon Jun {day:2d} 10:00:00 2025\n" + text.replace("\nFrom ", "\n>From ") + "\n")
    with open(f"{work}/Maildir/cur/{1749000000 + i}.M{i}P1.bench:2,S", "w") as f: f.write(text)
mbox.close()
PY

sync  # the generated files' write-back must not compete with the measured imports

mb() { du -sm --apparent-size "$1" | cut -f1; }
measure() {  # LABEL SIZE_MB COMMAND…  → seconds and peak RSS
    local label=$1 size=$2; shift 2
    /usr/bin/time -v "$@" >"$work/out.txt" 2>"$work/time.txt" || { cat "$work/out.txt" "$work/time.txt" >&2; exit 1; }
    local secs rss
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time.txt")
    printf '%-22s %8.2f s %10.0f msg/s %8.1f MB/s   peak RSS %5s MB\n' "$label" "$secs" \
        "$(echo "$count / $secs" | bc -l)" "$(echo "$size / $secs" | bc -l)" "$rss"
    echo "$secs" >"$work/last_secs"
}

echo "$count messages: mbox $(mb "$work/all.mbox") MB, Maildir $(mb "$work/Maildir") MB"
"$cli" --db "$work/a.db" me add-identity me@example.org >/dev/null
"$cli" --db "$work/b.db" me add-identity me@example.org >/dev/null
measure "kith import mbox" "$(mb "$work/all.mbox")" "$cli" --db "$work/a.db" import mbox "$work/all.mbox" --json
measure "kith import maildir" "$(mb "$work/Maildir")" "$cli" --db "$work/b.db" import maildir "$work/Maildir" --json
kith_secs=$(cat "$work/last_secs")

if command -v mu >/dev/null; then
    mu init --quiet --muhome="$work/mu" --maildir="$work/Maildir" --my-address=me@example.org >/dev/null
    measure "mu index" "$(mb "$work/Maildir")" mu index --quiet --muhome="$work/mu"
    printf 'kith is %.1fx faster than mu index\n' "$(echo "$(cat "$work/last_secs") / $kith_secs" | bc -l)"
else
    echo "mu (maildir-utils) not installed: no ratio"
fi
if command -v notmuch >/dev/null; then
    printf '[database]\npath=%s\n[user]\nprimary_email=me@example.org\n[new]\ntags=new\n' "$work/Maildir" >"$work/notmuch.cfg"
    measure "notmuch new" "$(mb "$work/Maildir")" env NOTMUCH_CONFIG="$work/notmuch.cfg" notmuch new --quiet
    printf 'kith is %.1fx faster than notmuch new\n' "$(echo "$(cat "$work/last_secs") / $kith_secs" | bc -l)"
else
    echo "notmuch not installed: no ratio"
fi
