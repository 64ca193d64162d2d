# The shell's re-run check (src/pipeline/fast-record.ts): reads one record, runs GNU stat
# over its paths and GNU find over its directories, and only when they show what the record
# says prints the recorded stderr, then stdout (in the order a run writes them), and exits
# 0. Otherwise it prints nothing and exits 3, and bin/goesc.js starts node. Run with
# LC_ALL=C.
#
# A record: a header line (checked by the caller: its magic, and the BLAKE2b-512 of the
# rest), then sections `NAME COUNT` followed by COUNT lines (paths, expect, dirs, entries,
# stderr, stdout), then `end 0`. An `expect` line is `S LINE`, stat's whole line, or
# `E PATH`, a path that is there (its line's name only).
# An entry is DIR/TYPE NAME as find prints it, kept only as the stamp's listing keeps it:
# directories not named .* or _*, and Go, assembly and .syso files, go.mod and go.work.

NR == 1 { next }

left == 0 {
  if (split($0, head, " ") != 2 || head[2] !~ /^[0-9]+$/ || ended) { bad = 1; next }
  section = head[1]
  left = head[2] + 0
  count[section] = left
  first[section] = NR + 1
  if (section == "end") ended = 1
  next
}

# The output is not kept here: sed prints it from the file once the rest holds (a project's
# output is megabytes, which awk would copy line by line).
section == "stderr" || section == "stdout" { left--; next }

{
  lines[section, count[section] - left] = $0
  left--
}

function quote(s) {
  gsub(/'/, "'\\''", s)
  return "'" s "'"
}

# A section's lines as arguments of cmd, through xargs (a project's paths can be more than
# one command line holds), in their order.
function each(section, cmd) {
  if (count[section] == 0) return "true"
  return "sed -n '" first[section] "," (first[section] + count[section] - 1) "p' " quote(FILENAME) " | xargs -r -d '\\n' " cmd
}

END {
  if (bad || !ended || left != 0) exit 3

  cmd = each("paths", "stat -L -c '%n|%s|%Y|%Z|%i' -- 2>/dev/null")
  seen = 0
  while ((cmd | getline got) > 0) {
    if (seen >= count["expect"]) exit 3
    want = lines["expect", seen++]
    name = substr(want, 3)
    if (substr(want, 1, 2) == "S ") { if (got != name) exit 3 }
    else if (substr(got, 1, length(name) + 1) != name "|") exit 3
  }
  close(cmd)
  if (seen != count["expect"]) exit 3

  if (count["dirs"] > 0) {
    for (i = 0; i < count["entries"]; i++) entry[lines["entries", i]] = 1
    # find's status, last: a find without -printf (not GNU) must not pass for an empty listing.
    cmd = each("dirs", "sh -c 'exec find -H \"$@\" -mindepth 1 -maxdepth 1 -printf \"%H/%y%f\\\\n\"' find 2>/dev/null; echo \"find-exit $?\"")
    seen = 0
    found = ""
    while ((cmd | getline got) > 0) {
      if (index(got, "/") == 0) { found = got; continue }
      match(got, /\/[^\/]*$/)
      type = substr(got, RSTART + 1, 1)
      name = substr(got, RSTART + 2)
      if (type != "d" && type != "f" && type != "l") {
        type = "o"
        got = substr(got, 1, RSTART) type name
      }
      if (type == "d") { if (name ~ /^[._]/) continue }
      else if (name !~ /\.(go|s|S|syso)$|^go\.(mod|work)$/) continue
      if (!(got in entry)) exit 3
      seen++
    }
    close(cmd)
    if (found != "find-exit 0" || seen != count["entries"]) exit 3
  }

  print_lines("stderr", " >&2")
  print_lines("stdout", "")
  exit 0
}

# Prints a section's lines; a reader that went away (a closed pipe) ends this with a
# signal's status, which the caller passes on.
function print_lines(section, redirect,    status) {
  if (count[section] == 0) return
  status = system("sed -n '" first[section] "," (first[section] + count[section] - 1) "p' " quote(FILENAME) redirect)
  if (status != 0) exit (status > 128 ? status : 141)
}
