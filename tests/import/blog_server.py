#!/usr/bin/env python3
"""A blog on 127.0.0.1 for the comment importers' tests, serving real-format responses.

Prints "PORT <n>" once listening. GET /_stage/2 switches to the second stage (new comments).
  /myblog/comments/feed/    WordPress RSS 2.0 comment feed of my blog
  /other/hello/feed/        the per-post RSS comment feed of someone else's post
  /atom/                    an Atom comment feed (RFC 4287 + RFC 4685 thr:in-reply-to)
  /wp-json/wp/v2/comments   the WordPress REST API (paged, X-WP-TotalPages, after=)
  /wp-json/wp/v2/comments/N one comment
  /xxe/ (a feed with an external entity), /error/500, /error/404, /slow (answers after 5 s), /html and /plain/… (a web page)
"""
import json
import sys
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

STAGE = {"n": 1}
BASE = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def rss(site, title, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
           'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">',
           '<channel><title>%s</title><atom:link href="%s/feed/" rel="self" '
           'type="application/rss+xml" /><link>%s</link><description>Comments</description>'
           '<lastBuildDate>Sat, 21 Nov 2026 09:00:00 +0000</lastBuildDate>'
           '<sy:updatePeriod>hourly</sy:updatePeriod>' % (title, site, site)]
    for post, cid, who, minutes, text in items:
        when = format_datetime(BASE + timedelta(minutes=minutes))
        link = "%s#comment-%d" % (post, cid)
        out.append('<item><title>Comment on Hello world by %s</title><link>%s</link>'
                   '<dc:creator><![CDATA[%s]]></dc:creator><pubDate>%s</pubDate>'
                   '<guid isPermaLink="false">%s/?p=1#comment-%d</guid>'
                   '<description><![CDATA[%s]]></description>'
                   '<content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>'
                   % (who, link, who, when, site, cid, text, text))
    out.append('</channel></rss>')
    return "\n".join(out)


def my_feed(host):
    site = "http://%s/myblog" % host
    post = site + "/hello/"
    items = [(post, 1, "Ben Okafor", 0, "First!"), (post, 2, "Chloé Martin", 10, "Nice &amp; clear")]
    if STAGE["n"] >= 2:
        items.append((post, 3, "Ben Okafor", 20, "Me again"))
    return rss(site, "Comments on: My blog", list(reversed(items)))  # newest first, as WordPress


def other_feed(host):
    site = "http://%s/other" % host
    post = site + "/hello/"
    items = [(post, 10, "Zoe Stranger", 0, "Before Ana"), (post, 11, "Ana Ruiz", 5, "My comment")]
    if STAGE["n"] >= 2:
        items.append((post, 12, "Ben Okafor", 30, "Replying to Ana"))
    return rss(post, "Comments on: Hello world", list(reversed(items)))


def atom(host):
    site = "http://%s/atomblog" % host
    entries = []
    for cid, who, uri, minutes in [(1, "Dan", "https://dan.example/", 0), (2, "Eve", "", 5)]:
        when = (BASE + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")
        entries.append(
            '<entry><title>Comment %d</title><link rel="alternate" href="%s/post/#comment-%d"/>'
            '<id>tag:%s,2026:comment-%d</id><published>%s</published><updated>%s</updated>'
            '<author><name>%s</name>%s</author><content type="html">&lt;p&gt;Hi from %s&lt;/p&gt;'
            '</content><thr:in-reply-to ref="tag:post-1" href="%s/post/"/></entry>'
            % (cid, site, cid, host, cid, when, when, who,
               "<uri>%s</uri>" % uri if uri else "", who, site))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
            'xmlns:thr="http://purl.org/syndication/thread/1.0"><title>Comments</title>'
            '<link rel="alternate" href="%s/"/><link rel="self" href="%s/atom/"/>'
            '<id>tag:%s,2026:comments</id><updated>2026-11-20T09:05:00Z</updated>%s</feed>'
            % (site, site, host, "".join(entries)))


def rest_comments(host):
    site = "http://%s/wp" % host
    out = []
    for i in range(1, 151):  # two pages of 100
        parent = i - 1 if i % 10 == 2 else 0
        who, url, author = ("Ana Ruiz", "", 1) if i % 10 == 3 else ("Reader %d" % (i % 7), "https://reader%d.example/" % (i % 7), 0)
        out.append((i, parent, who, url, author, i))
    if STAGE["n"] >= 2:
        out.append((151, 3, "Ben Okafor", "https://ben.example/", 0, 200))  # replies to an old one
        out.append((152, 0, "Chloé Martin", "", 0, 201))
    return [{
        "id": i, "post": 7, "parent": parent, "author": author, "author_name": who,
        "author_url": url,
        "date": (BASE + timedelta(minutes=m)).strftime("%Y-%m-%dT%H:%M:%S"),
        "date_gmt": (BASE + timedelta(minutes=m)).strftime("%Y-%m-%dT%H:%M:%S"),
        "content": {"rendered": "<p>Comment %d &#8211; hello</p>\n" % i},
        "link": "%s/2026/hello/#comment-%d" % (site, i), "status": "approved",
        "type": "comment", "author_avatar_urls": {"24": "https://secure.gravatar.com/avatar/x"},
        "meta": [], "_links": {},
    } for (i, parent, who, url, author, m) in out]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, body, ctype, headers=()):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        q = parse_qs(url.query)
        host = self.headers.get("Host")
        path = url.path
        if path.startswith("/_stage/"):
            STAGE["n"] = int(path.rsplit("/", 1)[1])
            return self.send(200, "ok", "text/plain")
        if path == "/myblog/comments/feed/":
            return self.send(200, my_feed(host), "application/rss+xml; charset=UTF-8")
        if path == "/other/hello/feed/":
            return self.send(200, other_feed(host), "application/rss+xml; charset=UTF-8")
        if path == "/atom/":
            return self.send(200, atom(host), "application/atom+xml")
        if path.startswith("/wp/wp-json/wp/v2/comments"):
            comments = rest_comments(host)
            rest = path[len("/wp/wp-json/wp/v2/comments"):].strip("/")
            if rest:
                found = [c for c in comments if str(c["id"]) == rest]
                if not found:
                    return self.send(404, json.dumps({"code": "rest_comment_invalid_id"}),
                                     "application/json")
                return self.send(200, json.dumps(found[0]), "application/json")
            if "after" in q:
                comments = [c for c in comments if c["date_gmt"] > q["after"][0]]
            per = int(q.get("per_page", ["10"])[0])
            page = int(q.get("page", ["1"])[0])
            pages = max(1, (len(comments) + per - 1) // per)
            if page > pages:
                return self.send(400, json.dumps({"code": "rest_comment_invalid_page_number"}),
                                 "application/json")
            body = comments[(page - 1) * per: page * per]
            return self.send(200, json.dumps(body), "application/json; charset=UTF-8",
                             [("X-WP-Total", str(len(comments))), ("X-WP-TotalPages", str(pages))])
        if path == "/xxe/":  # a hostile feed: an external entity naming a local file
            return self.send(200, '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM '
                             '"file:///etc/passwd">]><rss><channel><item><title>&x;</title>'
                             '</item></channel></rss>', "application/rss+xml")
        if path == "/error/500":
            return self.send(500, "<h1>Internal Server Error</h1>", "text/html")
        if path == "/slow":
            time.sleep(5)
            return self.send(200, my_feed(host), "application/rss+xml")
        if path == "/html" or path.startswith("/plain/"):
            return self.send(200, "<!DOCTYPE html><html><body>A blog</body></html>", "text/html")
        return self.send(404, "<h1>Not Found</h1>", "text/html")


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
