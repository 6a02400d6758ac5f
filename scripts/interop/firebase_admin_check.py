"""Google's firebase-admin Python SDK against `sartor-load serve`, unchanged, through the
emulator convention (FIREBASE_DATABASE_EMULATOR_HOST). Exits non-zero on the first mismatch.

    FIREBASE_DATABASE_EMULATOR_HOST=127.0.0.1:9000 python3 firebase_admin_check.py
"""
import os
import queue
import sys
import threading

import firebase_admin
from firebase_admin import db

host = os.environ["FIREBASE_DATABASE_EMULATOR_HOST"]
app = firebase_admin.initialize_app(
    options={"databaseURL": "https://sartor-demo.firebaseio.com", "projectId": "sartor-demo"})
checks = 0


def check(label, actual, expected):
    global checks
    checks += 1
    if actual != expected:
        print(f"FAIL {label}: got {actual!r}, expected {expected!r}", file=sys.stderr)
        sys.exit(1)


root = db.reference("/interop")
root.delete()
root.child("users/ada").set({"name": "Ada", "age": 36})
check("set/get", root.child("users/ada").get(), {"name": "Ada", "age": 36})

root.update({"users/ada/age": 37, "users/grace": {"name": "Grace", "age": 45}})
check("multi-path update", root.child("users").get()["ada"]["age"], 37)

pushed = root.child("messages").push({"text": "hello"})
check("push id length", len(pushed.key), 20)
check("push value", pushed.get(), {"text": "hello"})

value, etag = root.child("users/ada").get(etag=True)
check("etag get", value["name"], "Ada")
check("conditional set", root.child("users/ada/age").set_if_unchanged(
    root.child("users/ada/age").get(etag=True)[1], 38)[0], True)


def bump(current):
    return (current or 0) + 1


for _ in range(3):
    root.child("counter").transaction(bump)
check("transaction", root.child("counter").get(), 3)

ordered = root.child("users").order_by_child("age").limit_to_first(1).get()
check("order_by_child + limit", list(ordered.keys()), ["ada"])
check("order_by_key + start_at", list(root.child("users").order_by_key().start_at("b").get()),
      ["grace"])
check("shallow", root.child("users").get(shallow=True), {"ada": True, "grace": True})

events = queue.Queue()
registration = root.child("live").listen(lambda event: events.put((event.event_type, event.path,
                                                                      event.data)))
check("listen initial", events.get(timeout=5), ("put", "/", None))
root.child("live/x").set(1)
check("listen put", events.get(timeout=5), ("put", "/x", 1))
root.child("live").update({"y": 2})
check("listen patch", events.get(timeout=5), ("patch", "/", {"y": 2}))
# The SDK's reader thread raises when close() pulls the response from under it; that is the
# client's own shutdown, so it is ignored once closing has begun.
closing = threading.Event()
default_hook = threading.excepthook
threading.excepthook = lambda args: None if closing.is_set() else default_hook(args)
closing.set()
registration.close()

root.child("users/grace").delete()
check("delete", root.child("users/grace").get(), None)
root.delete()
print(f"firebase-admin {firebase_admin.__version__}: {checks} checks passed against {host}")
