vcl 4.1;
# Varnish in front of the application instances (README, "Von einem Rechner zu mehreren"):
# nginx (TLS) → Varnish :6081 → gunicorn on each app machine :8001.
# Start it with two listen addresses: the public one for nginx and one named `purge` that only
# the application machines reach:
#   varnishd -a 127.0.0.1:6081 -a purge=10.0.0.11:6091 -f /etc/varnish/default.vcl …
# (Debian: in the ExecStart of `systemctl edit --full varnish`), and VARNISH_URL=http://…:6091.
#
# The application decides what may be shared: only a response for a visitor without session
# carries `s-maxage` (operations/page_cache.py), and it lives exactly that long, until the next event
# starts or ends or midnight. Everything else passes through uncached.
#
# Fail closed: after every change the application sends `BAN /` itself (operations/frontend_cache.py),
# which drops every kept address under every host name. If that does not arrive, the probe
# below reaches an instance that sends it again, and answers 503 while it cannot; kept pages
# are served only while the backend is healthy, so until the purge has arrived every request
# goes to the application.
#
# Install: Debian's `varnish` package; this file as /etc/varnish/default.vcl; adjust the
# backends, the probe's Host line (a name in ALLOWED_HOSTS) and the `purgers` list.

import directors;
import std;

# Can this instance serve? Requests go only to instances that pass.
probe healthz {
    .url = "/healthz/";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
}

# May kept pages be served? Passes while no purge is outstanding (see above). Its Host line
# must be a name in ALLOWED_HOSTS; X-Forwarded-Proto spares it the redirect to HTTPS.
probe frontend_cache {
    .request =
        "GET /healthz/frontend-cache/ HTTP/1.1"
        "Host: arbeitskreise.example.org"
        "X-Forwarded-Proto: https"
        "Connection: close";
    # Sick after one failed probe: a purge that did not arrive stops hits within a second.
    .interval = 1s;
    .timeout = 1500ms;
    .window = 2;
    .threshold = 2;
    .initial = 1;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = healthz;
}
# The same instance once more, only to ask whether kept pages may be served.
backend app1_purged {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = frontend_cache;
}
# A second application machine:
# backend app2 { .host = "10.0.0.12"; .port = "8001"; .probe = healthz; }
# backend app2_purged { .host = "10.0.0.12"; .port = "8001"; .probe = frontend_cache; }

# Who may purge: the application machines, and only on the listen address named `purge`.
# nginx connects from 127.0.0.1 too, but to the public address: what comes through it can
# never purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    # app.add_backend(app2);
    new purged = directors.round_robin();
    purged.add_backend(app1_purged);
    # purged.add_backend(app2_purged);
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE" || req.method == "BAN") {
        if (local.socket != "purge" || client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN") {
            # Every kept address below this path, under every host name (www. aliases too).
            ban("obj.http.x-url ~ ^" + req.url);
        } else {
            # Lurker-friendly ban (it tests only obj.*): this address and everything below it.
            ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url ~ ^" + req.url);
        }
        return (synth(200, "Purged"));
    }
    if (local.socket == "purge") {
        return (synth(405, "Not allowed"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Members, editors, and visitors with a message waiting see their own pages.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # A purge may be outstanding (or no instance answers): nothing kept is served.
    if (!std.healthy(purged.backend())) {
        return (pass);
    }
    # Any other cookie (the CSRF cookie) changes nothing on a shareable page; the application
    # still sees it, so forms keep their token.
    return (hash);
}

sub vcl_backend_response {
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    if (beresp.http.Cache-Control !~ "s-maxage" || beresp.http.Set-Cookie) {
        # Not shareable: remember that for a minute, so requests do not queue behind each other.
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # Shareable means: the same for every visitor without session, whatever other cookie.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*Cookie\s*(?=,|$)", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # Never serve a page past its time, not even while a fresh copy is fetched.
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
    # `s-maxage` is for this cache alone, which the application purges; no cache beyond it (a
    # company proxy, a CDN) may keep a page that could become members-only the next minute.
    if (resp.http.Cache-Control ~ "s-maxage") {
        set resp.http.Cache-Control = regsub(
            regsub(resp.http.Cache-Control, "(^|,\s*)s-maxage=[0-9]+", ""), "^,\s*", "");
        if (resp.http.Cache-Control == "") {
            set resp.http.Cache-Control = "no-cache";
        }
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
