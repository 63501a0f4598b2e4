vcl 4.1;
# Varnish in front of the application instances (README, "Von einem Rechner zu mehreren"):
# nginx (TLS) → Varnish :6081 → gunicorn on each app machine :8001.
#
# The application decides what may be shared: only a response for a visitor without session
# carries `s-maxage` (home/page_cache.py), and it lives exactly that long, until the next event
# starts or ends or midnight. Everything else passes through uncached. On every change the
# application purges the site root (WAGTAILFRONTENDCACHE, VARNISH_URL); a purge drops every
# kept address below the purged one, so the root purge empties the site's cache at once.
#
# Install: Debian's `varnish` package; this file as /etc/varnish/default.vcl; adjust the
# backends and the `purgers` list (the app machines' addresses).

import directors;

probe healthz {
    .url = "/healthz/";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = healthz;
}
# A second application machine:
# backend app2 { .host = "10.0.0.12"; .port = "8001"; .probe = healthz; }

# Who may purge: the application machines (their worker sends the purges).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    # app.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Lurker-friendly ban (it tests only obj.*): this address and everything below it.
        ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url ~ ^" + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Members, editors, and visitors with a message waiting see their own pages.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
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
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
