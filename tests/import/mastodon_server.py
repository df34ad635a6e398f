#!/usr/bin/env python3
"""A Mastodon REST API stand-in for the importer's tests, on 127.0.0.1 only.

Serves recorded-shape JSON (the real API's field names and Link-header paging, two items a
page) for one account. Behaviour is read from STATE_DIR/state.json on every request:
  phase            1 or 2 (phase 2 adds a mention and a status, loses follower "gus")
  rate_limit_once  answer the first notifications request with 429 + Retry-After: 1
  drop_once        drop the connection in the middle of the second followers page, once
Every request line is appended to STATE_DIR/requests.log. Prints "PORT <n>" when ready and
stops by itself after 120 seconds.
"""
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

STATE_DIR = sys.argv[1]
TOKEN = "good-token"
WEB = "https://social.example"


def account(aid, acct, name, fields=None):
    user = acct.split("@")[0]
    web = WEB if "@" not in acct else "https://" + acct.split("@")[1]
    # "uri" (the ActivityPub id) is in the API since Mastodon 4.2.
    return {"id": aid, "username": user, "acct": acct, "display_name": name,
            "url": web + "/@" + user, "uri": web + "/users/" + user, "fields": fields or []}


ME = account("1", "me", "Me")
ANA = account("2", "ana@other.example", "Ana Ruiz", [
    {"name": "Blog", "value": '<a href="https://ana.example/blog" rel="me nofollow">ana.example/blog</a>',
     "verified_at": "2026-01-01T00:00:00.000+00:00"},
    {"name": "Pronouns", "value": "she/her", "verified_at": None}])
BOB = account("3", "bob", "Bob Local")
CAROL = account("4", "carol@third.example", "Carol")
DAVE = account("5", "dave@other.example", "Dave")
ERIN = account("6", "erin@fourth.example", "Erin")
GUS = account("7", "gus@other.example", "Gus")


def status(sid, who, text, visibility="public", reply_to=None, reply_account=None, mentions=(), reblog=None):
    host = WEB if "@" not in who["acct"] else "https://" + who["acct"].split("@")[1]
    # A boost's uri is its Announce activity's id, as in the archive's outbox.
    return {"id": sid, "uri": host + "/users/" + who["username"] + "/statuses/" + sid
            + ("/activity" if reblog else ""),
            "url": host + "/@" + who["username"] + "/" + sid,
            "created_at": "2026-11-%02dT10:00:00.000Z" % (int(sid) % 28 + 1),
            "account": who, "content": "<p>" + text + "</p>" if text else "", "visibility": visibility,
            "in_reply_to_id": reply_to, "in_reply_to_account_id": reply_account,
            "mentions": [{"id": m["id"], "username": m["username"], "acct": m["acct"], "url": m["url"]}
                         for m in mentions],
            "reblog": reblog}


def notifications(phase):
    items = [
        {"id": "105", "type": "mention", "created_at": "2026-11-05T10:00:00.000Z", "account": DAVE,
         "status": status("905", DAVE, "@me look &amp; see", mentions=[ME, BOB])},
        {"id": "104", "type": "follow", "created_at": "2026-11-04T10:00:00.000Z", "account": CAROL},
        {"id": "103", "type": "mention", "created_at": "2026-11-03T10:00:00.000Z", "account": BOB,
         "status": status("903", BOB, "@me psst", visibility="direct", mentions=[ME])},
        {"id": "102", "type": "mention", "created_at": "2026-11-02T10:00:00.000Z", "account": ANA,
         "status": status("902", ANA, "@me thanks", reply_to="801", reply_account="1", mentions=[ME])},
        {"id": "101", "type": "mention", "created_at": "2026-11-01T10:00:00.000Z", "account": ANA,
         "status": status("901", ANA, "hello @me", mentions=[ME])},
    ]
    if phase == 2:
        items.insert(0, {"id": "106", "type": "mention", "created_at": "2026-11-06T10:00:00.000Z",
                         "account": ERIN, "status": status("906", ERIN, "hi @me", mentions=[ME])})
    return items


def my_statuses(phase):
    items = [
        status("803", ME, "", reblog=status("777", ERIN, "erin's post")),  # a boost has no text
        status("802", ME, "more of my thread", reply_to="801", reply_account="1"),
        status("801", ME, "@ana sure", reply_to="900", reply_account="2", mentions=[ANA]),
    ]
    if phase == 2:
        items.insert(0, status("804", ME, "@carol hello", mentions=[CAROL]))
    return items


def conversations(phase):
    return [{"id": "50", "unread": False, "accounts": [BOB],
             "last_status": status("903", BOB, "@me psst", visibility="direct", mentions=[ME])}]


def followers(phase):
    people = [ANA, BOB, CAROL, DAVE, GUS]
    if phase == 2:
        people = [ANA, BOB, CAROL, DAVE, ERIN]
    return people


def following(phase):
    return [ANA, DAVE]


ENDPOINTS = {
    "/api/v1/notifications": (notifications, True),
    "/api/v1/accounts/1/statuses": (my_statuses, True),
    "/api/v1/conversations": (conversations, True),
    "/api/v1/accounts/1/followers": (followers, False),
    "/api/v1/accounts/1/following": (following, False),
}
PAGE = 2
lock = threading.Lock()


def load_state():
    with open(os.path.join(STATE_DIR, "state.json")) as f:
        return json.load(f)


def save_state(state):
    with open(os.path.join(STATE_DIR, "state.json"), "w") as f:
        json.dump(state, f)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, code, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with lock:
            with open(os.path.join(STATE_DIR, "requests.log"), "a") as log:
                log.write(self.path + "\n")
            state = load_state()
        if self.headers.get("Authorization") != "Bearer " + TOKEN:
            return self.send_json(401, {"error": "The access token is invalid"})
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if url.path == "/api/v1/accounts/verify_credentials":
            return self.send_json(200, ME)
        if url.path not in ENDPOINTS:
            return self.send_json(404, {"error": "Record not found"})
        if url.path == "/api/v1/notifications" and state.get("rate_limit_once"):
            with lock:
                state["rate_limit_once"] = False
                save_state(state)
            return self.send_json(429, {"error": "Too many requests"},
                                  [("Retry-After", "1"), ("X-RateLimit-Reset", "2000-01-01T00:00:00.000Z")])
        make, by_id = ENDPOINTS[url.path]
        items = make(state.get("phase", 1))
        start = 0
        if "max_id" in query:
            max_id = query["max_id"][0]
            if by_id:
                start = next((i for i, it in enumerate(items) if int(it["id"]) < int(max_id)), len(items))
            else:
                start = int(max_id)
        page = items[start:start + PAGE]
        headers = []
        if start + PAGE < len(items):
            cursor = page[-1]["id"] if by_id else str(start + PAGE)
            port = self.server.server_address[1]
            headers.append(("Link", '<http://127.0.0.1:%d%s?max_id=%s&limit=40>; rel="next", '
                                    '<http://127.0.0.1:%d%s?min_id=0>; rel="prev"'
                            % (port, url.path, cursor, port, url.path)))
        if url.path.endswith("/followers") and start > 0 and state.get("drop_once"):
            with lock:
                state["drop_once"] = False
                save_state(state)
            data = json.dumps(page).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        return self.send_json(200, page, headers)


def main():
    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Timer(120, server.shutdown).start()
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
