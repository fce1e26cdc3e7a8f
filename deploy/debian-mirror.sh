# The Debian mirror this machine's apt already uses, for the tools that fetch
# Debian packages without apt's own configuration (debootstrap, mmdebstrap).
# A museum's local mirror or apt proxy is honoured that way, and no mirror is
# written into the repository. Sourced, not run:
#
#   source deploy/debian-mirror.sh
#   mirror=$(debian_mirror) || exit 1
#
# Order: $VITRINE_MIRROR when set; else the first enabled `deb` source for the
# suite (default bookworm) in /etc/apt/sources.list.d/*.sources (deb822), then
# /etc/apt/sources.list and /etc/apt/sources.list.d/*.list (one-line form).
# debian_mirror_export_proxy exports apt's Acquire::http::Proxy as http_proxy,
# which debootstrap and mmdebstrap read, unless http_proxy is set already.
# $VITRINE_APT_ETC (default /etc/apt) is for tests.

# Prints the URI of the first enabled deb822 stanza whose Types has deb and
# whose Suites has the suite.
_debian_mirror_from_deb822() {
    local suite=$1
    shift
    awk -v suite="$suite" '
        function flush() {
            if (uris != "" && enabled && has_deb && has_suite) { split(uris, u, " "); print u[1]; found = 1; exit }
            uris = ""; enabled = 1; has_deb = 0; has_suite = 0
        }
        BEGIN { enabled = 1 }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        {
            key = tolower($1); sub(/:$/, "", key)
            value = $0; sub(/^[^:]*:[ \t]*/, "", value)
            if (key == "types") { n = split(value, t, /[ \t]+/); for (i = 1; i <= n; i++) if (t[i] == "deb") has_deb = 1 }
            else if (key == "uris") uris = value
            else if (key == "suites") { n = split(value, s, /[ \t]+/); for (i = 1; i <= n; i++) if (s[i] == suite) has_suite = 1 }
            else if (key == "enabled") enabled = (tolower(value) != "no")
        }
        END { if (!found) flush() }
    ' "$@" 2> /dev/null
}

# Prints the URI of the first `deb [options] URI suite components` line for the suite.
_debian_mirror_from_list() {
    local suite=$1
    shift
    awk -v suite="$suite" '
        /^[ \t]*deb[ \t]/ {
            line = $0
            sub(/\[[^]]*\]/, "", line)   # [arch=amd64 signed-by=...]
            n = split(line, f, /[ \t]+/)
            i = (f[1] == "") ? 2 : 1
            if (f[i] == "deb" && f[i + 2] == suite) { print f[i + 1]; exit }
        }
    ' "$@" 2> /dev/null
}

debian_mirror() {
    local suite=${1:-bookworm} etc=${VITRINE_APT_ETC:-/etc/apt} found="" file
    if [ -n "${VITRINE_MIRROR:-}" ]; then
        echo "${VITRINE_MIRROR%/}"
        return 0
    fi
    for file in "$etc"/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        found=$(_debian_mirror_from_deb822 "$suite" "$file" | head -n 1)
        [ -z "$found" ] || break
    done
    if [ -z "$found" ]; then
        for file in "$etc/sources.list" "$etc"/sources.list.d/*.list; do
            [ -f "$file" ] || continue
            found=$(_debian_mirror_from_list "$suite" "$file" | head -n 1)
            [ -z "$found" ] || break
        done
    fi
    if [ -z "$found" ]; then
        echo "debian-mirror: no apt source for '$suite' in $etc/sources.list.d/*.sources, $etc/sources.list" \
             "or $etc/sources.list.d/*.list; set VITRINE_MIRROR=URL to the Debian mirror to use" >&2
        return 1
    fi
    echo "${found%/}"
}

debian_mirror_export_proxy() {
    [ -z "${http_proxy:-}" ] || return 0
    local proxy=""
    eval "$(apt-config shell proxy Acquire::http::Proxy 2> /dev/null)"
    if [ -n "$proxy" ] && [ "$proxy" != DIRECT ]; then export http_proxy=$proxy; fi
    return 0
}
